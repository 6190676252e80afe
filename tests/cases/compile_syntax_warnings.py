# compile(), exec() and eval() hand the compiler's SyntaxWarnings to the warnings module, as CPython's compiler
# does: catch_warnings records them, "ignore" drops them, and "error" turns them into a SyntaxError at the spot.
import warnings

sources = ["x = 1\nassert(x, 'msg')", "if x is 1: pass", "f = [(1, 2) (3, 4)]", "y = 'a' 'b'"]
for src in sources:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        compile(src, "<recorded>", "exec")
    print([(w.category.__name__, str(w.message), w.filename, w.lineno) for w in caught])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            compile(src, "<strict>", "exec")
            print("no error")
        except SyntaxError as e:
            print(type(e).__name__, e.msg, e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("ignore")
    exec("z = 1 is 1")
    print(eval("() is ()"), len(caught))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("default")
    for _ in range(3):
        compile("1 is 1", "<same>", "eval")
print(len(caught))
