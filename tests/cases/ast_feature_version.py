# ast.parse(source, feature_version=(3, N)) and compile(..., PyCF_ONLY_AST, _feature_version=N): each feature
# CPython 3.11 refuses below its version, one version below and at it, with the SyntaxError's message, position
# and text (CPython places it at the last token its parser had read: the token after an expression, a block's
# NEWLINE or closing DEDENT, the end of input). Also `async`/`await` as names below 3.7, a feature before a
# syntax error, and the cases feature_version leaves alone.
import ast

cases = [
    # (source, first version that has it)
    ("x: int = 1\n", 6),
    ("x: int", 6),
    ("(x): int\n", 6),
    ("a.b: int = 2\n", 6),
    ("a @ b\n", 5),
    ("x = a @ b @ c\n", 5),
    ("x = a * b @ c\n", 5),
    ("(a@b) if c else d\n", 5),
    ("a @= b\n", 5),
    ("async def f():\n    pass\n", 5),
    ("async def f():\n    pass\nx = 1\n", 5),
    ("async def f():\n    pass", 5),
    ("async def f():\n    pass\n\n# end\n\n", 5),
    ("if 1:\n    async def f():\n        pass\n    x = 1\n", 5),
    ("async def f(): pass\n", 5),
    ("async def f(): pass;\n", 5),
    ("async def f():\n    async for x in y: pass\n", 5),
    ("async def f():\n    async for x in y:\n        pass\n    z = 1\n", 5),
    ("async def f():\n    async for x in y:\n        pass\n    else:\n        pass\n    z = 1\n", 5),
    ("async def f():\n    async with a: pass\n", 5),
    ("async def f():\n    await x\n", 5),
    ("async def f():\n    await a.b(c)[d] + 1\n", 5),
    ("async def f():\n    [x async for x in y]\n", 6),
    ("async def f():\n    {k: v async for k in y if a if b}\n", 6),
    ("async def f():\n    (x async for x in (y))\n", 6),
    ("1_000\n", 6),
    ("x = 1_0.5j + 2\n", 6),
    ("match x:\n    case 1_0: pass\n", 6),
    ("f'{x}'\n", 6),
    ("f'{x=}'\n", 8),
    ("x = f'{a=}' 'b' f'c'\n", 8),
    ("x = (f'{a=}'\n  'b')\n", 8),
    ("def f(a, /): pass\n", 8),
    ("def f(a=1, /): pass\n", 8),
    ("def f(a, /,): pass\n", 8),
    ("def f(a, /, *args,): pass\n", 8),
    ("def f(a: int, /) -> int: pass\n", 8),
    ("lambda a, /: a\n", 8),
    ("lambda a=(1), /, b=2: a\n", 8),
    ("(x := 1)\n", 8),
    ("if x := 1: pass\n", 8),
    ("x = 'é' ; y = (z := 1)\n", 8),
    ("with (a, b): pass\n", 9),
    ("with (a as b, c): pass\n", 9),
    ("with (a, b):\n    pass\nz = 1\n", 9),
    ("with (a):\n    pass\nz = 1\n", 9),
    ("with (a,):\n    pass\n", 9),
    ("match x:\n    case 1: pass\n", 10),
    ("match x:\n    case 1:\n        pass\n", 10),
    ("match x:\n    case 1:\n        pass\ny = 2\n", 10),
    ("try:\n    pass\nexcept* E:\n    pass\n", 11),
    ("try:\n    pass\nexcept* E:\n    pass\nfinally:\n    pass\n", 11),
    ("try:\n    pass\nexcept* E:\n    pass\ny = 1\n", 11),
    ("try:\n    pass\nexcept* E: pass\ny = 1\n", 11),
]


def attempt(source, version, mode="exec"):
    try:
        ast.parse(source, mode=mode, feature_version=(3, version))
        return "ok"
    except SyntaxError as e:
        return (e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text)


for source, first in cases:
    print(repr(source))
    print("  3.%d:" % (first - 1), attempt(source, first - 1))
    print("  3.%d:" % first, attempt(source, first))

print("-- async and await are names below 3.7")
names = [
    "async = 1\nawait = 2\n",
    "def async(): pass\nclass await: pass\n",
    "async def f():\n    await x\n    async = 1\n",
    "async def f():\n    pass\nasync = 1\nawait x\n",
    "def f():\n    await x\n",
    "[x async for x in y]\n",
    "async def f(): await x\nawait = 3\n",
    "async def f():\n    def g():\n        await = 1\n",
    "async with a: pass\n",
]
for source in names:
    print(repr(source))
    for version in (4, 6, 7):
        result = attempt(source, version)
        if result == "ok":
            result = ast.dump(ast.parse(source, feature_version=(3, version)))
        print("  3.%d:" % version, result)

print("-- a feature before a syntax error is reported first")
for source in ["a @ b\nx = = 1\n", "if 1:\n    x = a @ b\n    y = = 2\n", "x = a @ b\nif 1:\n    = 3\n",
               "x = = 1\na @ b\n", "a @ b\n'abc\n"]:
    print(repr(source), attempt(source, 4))

print("-- other modes, the flag spellings, and what feature_version leaves alone")
for source in ["a @ b", "a @ b\n", "(x := 1)"]:
    for mode in ("eval", "single"):
        print(repr(source), mode, attempt(source, 4, mode))
try:
    compile("a @ b", "f", "exec", ast.PyCF_ONLY_AST, _feature_version=4)
except SyntaxError as e:
    print("compile:", e)
print(type(compile("a @ b", "f", "exec", 0, _feature_version=4)).__name__)
print(ast.dump(ast.parse("a @ b", feature_version=(3, -1))))
print(ast.dump(ast.parse("a @ b", feature_version=12)))
try:
    ast.parse("a @ b", feature_version=4)
except SyntaxError as e:
    print(e)
print(ast.dump(ast.parse("with (a for a in b):\n    pass\n", feature_version=(3, 8))))
print(ast.dump(ast.parse("with (a, b) as c, d: pass\n", feature_version=(3, 8))))
