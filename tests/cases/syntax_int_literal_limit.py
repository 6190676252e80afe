# CPython's parser applies the int/str conversion limit to decimal int literals (issue #12, item 7): a literal
# of more than sys.get_int_max_str_digits() digits is a SyntaxError at compile time, with the conversion's
# message plus advice, at the literal's lines and offset 0 (no columns). Other bases, floats, imaginaries and
# all-zero literals are never converted that way; the limit in force when the code is compiled decides.
import os
import sys
import tempfile


def show(source, filename="<case>", mode="exec"):
    try:
        code = compile(source, filename, mode)
    except SyntaxError as e:
        text = e.text if e.text is None else (len(e.text), e.text[:12], e.text[-12:])
        print("SyntaxError:", e.msg[:80], "|", e.msg[80:].replace(str(len(source)), "N"))
        print("   ", e.lineno, e.offset, e.end_lineno, e.end_offset, text)
        return
    print("compiled:", type(code).__name__)


digits = "1" * 4301
show("x = " + digits)                       # one past the default limit
show("x = " + "1" * 4300)                   # exactly the limit compiles
show("x = (1 +\n  " + digits + ")\n")       # on a later line inside brackets
show("x = " + "1_" * 2200 + "1")            # underscores do not count
show("x = " + "12_" * 1500 + "1")           # ... but the digits do
show("x = " + "0" * 9000)                   # all zeros: never converted
show("x = 0x" + "f" * 9000)                 # other bases are linear: no limit
show("x = 0o" + "7" * 9000 + "; y = 0b" + "1" * 9000)
show("x = " + digits + ".0")                # a float literal
show("x = " + digits + "j")                 # an imaginary literal
show("x = " + digits + "e0")
show("-" + digits, mode="eval")             # eval mode, with a sign
show(digits, mode="single")
show("def f():\n    return " + "9" * 5000 + "\n")

# The error from eval() and exec() of a string; -c style code without a file.
for run in (eval, exec):
    try:
        run("1" + "0" * 4300)
    except SyntaxError as e:
        print(run.__name__, type(e).__name__, e.lineno, e.offset, e.end_offset, e.msg[:30])

# The limit in force at compile time decides.
sys.set_int_max_str_digits(5000)
show("x = " + digits)
show("x = " + "2" * 5001)
sys.set_int_max_str_digits(0)
show("x = " + "3" * 20000)
sys.set_int_max_str_digits(640)
show("x = " + "4" * 641)
show("x = " + "5" * 640)
sys.set_int_max_str_digits(4300)

# With a file name that names a readable file, the text is that file's line as CPython's parser re-reads it:
# lines longer than 999 bytes show only their last piece.
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "big.py")
    for source in ["a = 1\nb = " + digits + "\n", "b = " + "2" * 4500 + "\n", "\n\n\nc = " + "7" * 4400,
                   "s = '" + "\xe9" * 600 + "' + str(" + digits + ")\n"]:
        with open(path, "w", encoding="utf-8") as f:
            f.write(source)
        with open(path, encoding="utf-8") as f:
            show(f.read(), path)
    show("\n" * 10 + "x = " + digits, path)  # the file has fewer lines: the source's line stays
    sys.path.insert(0, tmp)
    with open(os.path.join(tmp, "bigmod.py"), "w") as f:
        f.write("x = 1\ny = " + digits + "\n")
    try:
        import bigmod
    except SyntaxError as e:
        print("import:", e.lineno, e.offset, e.end_offset, len(e.text), os.path.basename(e.filename))

# Exec input without a final newline gets one from CPython's tokenizer, so a parser error's text on the last
# line ends with it; eval and single input stay as given, and the tokenizer's own errors drop it.
for src, mode in [("x = $", "exec"), ("x = (1 2)", "exec"), ("x = (1 2)", "eval"), ("x = 1 2", "single"),
                  ("a\nx = $", "exec"), ("x = 0_", "exec"), ("x = 09", "exec"), ("x = " + digits, "eval")]:
    try:
        compile(src, "<s>", mode)
    except SyntaxError as e:
        print(mode, repr(e.text[-12:]), e.offset, e.end_offset, e.msg[:40])
