# The hints CPython's parser gives for '=' written in a dict or set display or another expression, and where it
# points: a named-expression hint at the target alone ("cannot assign to literal here"), or at a plain name up
# to its value, and "':' expected after dictionary key" once the display is a dict (after a key/value pair or
# a ** unpacking), at the key's last character with an end offset of 0.
sources = [
    "ages = {'Alice'=22, 'Bob'=23}",
    "{'a': 1, 'b'=2}",
    "{'a': 1, 'bb' = 2, 'c': 3}",
    "{1=2}",
    "{x=2}",
    "{1, 2=3}",
    "{**d, 'b'=2}",
    "x = {'a': 1, f(x)=2}",
    "{'a':1, 'b'}",
    "[1=2]",
    "if x.y = 3: pass",
    "(a[1]=2)",
    "{a**2, b=1}",
    "{a**2, 'b'=1}",
    "while f() = 1: pass",
    "[x for x in y if x = 1]",
    "{'k': {'a': 1, 'b' = 2}}",
]
for source in sources:
    try:
        compile(source, "<case>", "exec")
        print(repr(source), "compiles")
    except SyntaxError as e:
        print(repr(source), "|", e.msg, (e.lineno, e.offset, e.end_lineno, e.end_offset))
