# _imp.source_hash(key, source) by position or keyword, with CPython's argument errors; _imp._fix_co_filename
# renames a code object and the code objects nested in it (not one compiled from another file), which tracebacks,
# marshal and exec'd functions then show.
import _imp, marshal, traceback
print(_imp.source_hash(5, b"abc"), _imp.source_hash(key=5, source=b"abc"))
for a, k in [((), {}), ((5,), {}), ((5, "s"), {}), (("x", b""), {}), ((2**70, b""), {}), ((5, b"", 1), {}),
             ((5,), {"source": b"a"}), ((), {"key": 1, "source": b"", "x": 1})]:
    try:
        print(_imp.source_hash(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)
other = compile("def h(): pass", "other.py", "exec").co_consts[0]
mixed = compile("x = 1", "old.py", "exec").replace(co_consts=(other, None))
_imp._fix_co_filename(mixed, "renamed.py")
print(mixed.co_filename, mixed.co_consts[0].co_filename)
c = compile("def f():\n    1/0\nclass C:\n    def g(self): pass\n", "old.py", "exec")
_imp._fix_co_filename(c, "new.py")
print(c.co_filename, c.co_consts[0].co_filename, c.co_consts[1].co_filename, c.co_consts[1].co_consts[1].co_filename)
print(marshal.loads(marshal.dumps(c)).co_consts[0].co_filename)
ns = {}
exec(c, ns)
try:
    ns["f"]()
except ZeroDivisionError as e:
    print([(fs.filename, fs.lineno) for fs in traceback.extract_tb(e.__traceback__)][1:])
for a in [(c,), (1, "x"), (c, 5), (c, "a", "b")]:
    try:
        print(_imp._fix_co_filename(*a))
    except Exception as e:
        print(type(e).__name__, e)
try:
    _imp._fix_co_filename(code=c, path="p")
except TypeError as e:
    print(e)
print(_imp._fix_co_filename.__doc__)
