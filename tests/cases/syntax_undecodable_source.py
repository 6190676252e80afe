# compile() of bytes that are not UTF-8 and declare no encoding, as CPython 3.11's string tokenizer treats them:
# bad bytes in a comment pass; in a string literal they fail when it is decoded ("(unicode error) 'utf-8' codec
# can't decode ...", the position counted in the literal's body, or in the run of non-ASCII bytes when the body
# has escapes, at the token after the literal); in a name when the tokenizer checks it (position in the name,
# offset after it, no end); a bytes literal must be ASCII. Offsets stay in bytes (no encoding is known), the
# text is the line decoded with errors='replace', and an earlier parser error wins. Also through exec() and an
# import of such a module.
import os
import sys
import tempfile

sources = [
    b"x = 1\ny = '\xff'\n", b"\xff = 1\n", b"# comment \xe9\nx=1\n", b"x = 1 # \xc3\n", b"s='\xc3\xa9\xff'\n",
    b"x = '\xe2\x82'\n", b"x = '\xed\xa0\x80'\n", b"a\xff = 1\n", b"x = a\xff\n", b"x = 1 \xff\n", b"x = 1 + \xff\n",
    b"x = r'ab\xe2\x82c'\n", b"x = 'ab\xe2\x82c'\n", b"x = f'\xff'\n", b"x = f'{1}ab\xff'\n", b"x = b'\xff'\n",
    b"x = '''\n\xff'''\n", b"x $ 1\ny = '\xff'\n", b"y = '\xff' $\n", b"x = 'a' '\xff'\n", b"# \xff\nx = '\xfe'\n",
    b"x = '\\n\xff'\n", b"def f():\n    '\xff'\n", b"x = '\xf0\x9f\x98'\n", b"x = 1\n\xe9t\xe9 = 2\n",
    b"x = \xc3\xa9\xff\n", b"x = '\xc3\xa9' $ # \xff\n", b"s = '\xc3\xa9'\nt = '\xff'\n",
]
for source in sources:
    try:
        compile(source, "<case>", "exec")
        print(source, "compiles")
    except SyntaxError as e:
        print(source, e.msg, (e.lineno, e.offset, e.end_lineno, e.end_offset), repr(e.text))
try:
    exec(b"print('a')\nx = 'caf\xe9'\n")
except SyntaxError as e:
    print("exec:", e.msg, (e.lineno, e.offset), repr(e.text))
exec(b"print('comment only')  # \xfe\n")

with tempfile.TemporaryDirectory() as d:
    with open(os.path.join(d, "undecodable_mod.py"), "wb") as f:
        f.write(b"x = 1\ny = 'caf\xe9'\n")
    sys.path.insert(0, d)
    sys.dont_write_bytecode = True
    try:
        import undecodable_mod
    except SyntaxError as e:
        print("import:", e.msg, (e.lineno, e.offset, e.end_lineno, e.end_offset), repr(e.text),
              os.path.basename(e.filename))
