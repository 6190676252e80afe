# compile(), exec() and eval() with code objects and their co_* attributes.
code = compile("x = 6 * 7\nprint('in exec', x)", "<demo>", "exec")
print(type(code).__name__, code.co_name, code.co_filename, code.co_names, code.co_consts)
ns = {}
exec(code, ns)
print(ns["x"], eval("x + 1", ns), eval("  [i * i for i in range(4)]"))
def f(a, b=2, *args, c, **kw):
    y = a + b
    return y
print(f.__code__.co_varnames, f.__code__.co_argcount, f.__code__.co_kwonlyargcount, f.__code__.co_flags)
exec("z = 5")
print(z)
g = {}
exec("def h(n):\n    return n * 3\nprint(h(4))", g)
print(sorted(k for k in g if k != "__builtins__"))
print(eval("y", {"y": 10}, {"y": 20}))
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno)
try:
    exec("1/0")
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(compile("1+1", "<e>", "eval").co_code == compile("1+1", "<e>", "eval").co_code)
