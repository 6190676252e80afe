# What kind of source compile(), exec() and eval() were given, as CPython 3.11 tells them apart: a NUL byte in a
# str or bytes source is a ValueError (a script file's line ends at it: the rest of the line and its newline are
# dropped); a str's coding line is ignored, a bytes source's honoured; bytearray and
# memoryview sources are read as bytes.
import os
import subprocess
import sys
import tempfile

for source in ("123\x00", b"123\x00", "x = 1\n\x00"):
    for how in ("compile", "exec", "eval"):
        try:
            if how == "compile":
                compile(source, "<case>", "eval")
            elif how == "exec":
                exec(source, {})
            else:
                eval(source, {})
            print(how, repr(source), "no error")
        except (ValueError, SyntaxError) as e:
            print(how, repr(source), type(e).__name__, e)
try:
    compile(b"# -*- coding: badencoding -*-\npass\n", "tmp", "exec")
except SyntaxError as e:
    print("bytes with a bad coding line:", e.msg, e.lineno, e.offset)
print("str with a bad coding line:", eval('# -*- coding: badencoding -*-\n"\xc2\xa4"\n'))
print(eval(compile(memoryview(b"$23$")[1:-1], "<dummy>", "eval")), eval(memoryview(b"1234")[1:-1]),
      eval(bytearray(b"6*7")))
namespace = {}
exec(memoryview(b"ax = 123")[1:-1], namespace)
print(namespace["x"])

# Scripts: the file tokenizer's lines end at a NUL, newline and all; the UTF-8 check sees what is left.
with tempfile.TemporaryDirectory() as d:
    for name, data in (("nul_then_bad", b"0000\x00\n00000000000\n\x00\n\x9e\n"), ("comment_nul", b"#\x00\n#\xfd\n"),
                       ("nul_only", b"x = 1\x00\n"), ("nul_joins", b"x = 1\x00 junk\nprint(x)\n"),
                       ("nul_line", b"print(1)\n\x00\nprint(2)\n")):
        path = os.path.join(d, name + ".py")
        with open(path, "wb") as f:
            f.write(data)
        r = subprocess.run([sys.executable, path], capture_output=True, text=True)
        print(name, r.returncode, r.stdout.split(), r.stderr.replace(d, "DIR").strip().splitlines()[-1:])
