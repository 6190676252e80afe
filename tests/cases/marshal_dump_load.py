# marshal.dump/load through file objects: consecutive values from one file, code objects, EOF, arguments.
import marshal, tempfile, os, io
path = os.path.join(tempfile.mkdtemp(), "data.bin")
with open(path, "wb") as f:
    marshal.dump((1, "two", 3.0), f)
    marshal.dump(b"bytes", f)
    marshal.dump(frozenset({5}), f, 2)
with open(path, "rb") as f:
    print(marshal.load(f), marshal.load(f), marshal.load(f))
    try:
        marshal.load(f)
    except EOFError as e:
        print("EOFError:", e)
buf = io.BytesIO()
marshal.dump(compile("x = 1", "<m>", "exec"), buf)
buf.seek(0)
ns = {}
exec(marshal.load(buf), ns)
print(ns["x"], len(buf.getvalue()) == len(marshal.dumps(compile("x = 1", "<m>", "exec"))))
try:
    marshal.dump(1)
except TypeError as e:
    print("TypeError:", e)
