# ast.parse(..., type_comments=True): type comments on assignments, for/with headers, def headers and
# parameters, `# type: ignore` tags, positions, and the SyntaxErrors for type comments where none may stand.
import ast

srcs = [
 "x = 1  # type: int",
 "x = 1  #type:int  ",
 "x = (1)  # type: int",
 "x = 1; y = 2  # type: int",
 "x = 1; pass  # type: int",
 "x + 1  # type: int",
 "x: int = 1  # type: int",
 "x += 1  # type: int",
 "x = 1\n# type: int\ny = 2",
 "for x in y:  # type: int\n    pass",
 "for x in y: pass  # type: int",
 "async def f():\n    async for x in y:  # type: int\n        pass\n    async with a as b:  # type: int\n        pass",
 "with a as b, c:  # type: int\n    pass",
 "with (a as b):  # type: int\n    pass",
 "with (a, b):  # type: int\n    pass",
 "with (a, b,):  # type: int\n    pass",
 "with (a,):  # type: int\n    pass",
 "with (a):  # type: int\n    pass",
 "with (a, b) as c:  # type: int\n    pass",
 "with (\n    a,\n    b\n):  # type: int\n    pass",
 "async def f():\n    async with (a, b):  # type: int\n        pass",
 "with (a as b, c):  # type: int\n    pass",
 "if x:  # type: int\n    pass",
 "def f(a, b):\n    # type: (int, str) -> bool\n    return 1",
 "def f(a, b):  # type: (int, str) -> bool\n    return 1",
 "def f(a,  # type: int\n      b=2,  # type: str\n      *c,  # type: float\n      d  # type: bytes\n      ):\n    # type: (...) -> None\n    pass",
 "def f(a, b):  # type: (int, str) -> bool\n    # type: (int, str) -> bool\n    return 1",
 "x = 1  # type: ignore",
 "x = 1  # type: ignore[foo]",
 "# type: ignore\nx = 1",
 "x = 1  # type: ignored",
 "x = 1  # type: ignore  # type: int",
 "x = [1,  # type: ignore\n 2]",
 "import x  # type: ignore  \n",
 "class A:  # type: ignore\n    pass",
 "x = 1  # type: int # comment",
 "def f(): # type: () -> None\n    pass\n",
 "def f():\n    # type: () -> None\n\n    pass\n",
 "def f(a, # type: int\n):\n    pass\n",
 "lambda x: x  # type: int",
 "x = yield  # type: int",
 "x = y = 1  # type: int",
]
srcs += ["for x in y:\n    # type: int\n    pass", "with a:\n    # type: int\n    pass",
          "x = 1  # type: int\n", "é = 'é'  # type: ïnt", "def f(a:  # type: int\n int): pass",
          "x = 1  # type: int\r\n", "def f(\n    a,\n    # type: int\n    b): pass", "x = 1 \\\n  # type: int",
          "with (a):  # type: int\n    pass", "with (a) as b:  # type: int\n    pass", "async with a:  # type: int\n    pass",
 "class C:\n    def m(self, x):\n        # type: (int) -> str\n        y = x  # type: str\n        return y\n",
 "@dec\ndef f(a, *, b, **kw):  # type: (int, str) -> None\n    for i in a:  # type: int\n        pass\n    else:\n        pass\n",
 "def f(a, /,  # type: int\n      b):\n    pass\n",
 "while x:  # type: int\n    pass",
 "def f():\n    x = 1\n    # type: int\n",
 "try:  # type: int\n    pass\nexcept E:\n    pass",
 "x = 1  # type:int\ny = 2  #  type:   ignore [a, b]  \n",
]
for s in srcs:
    try:
        t = ast.parse(s, type_comments=True)
        print(repr(s), "->", ast.dump(t, include_attributes=True))
    except SyntaxError as e:
        print(repr(s), "-> SyntaxError", e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
    try:
        plain = ast.dump(ast.parse(s))
        print("  without type_comments:", plain)
    except SyntaxError as e:
        print("  without type_comments: SyntaxError", e.msg)

# compile() with the flag directly, and the fields' defaults.
tree = compile("x = 1  # type: int\n", "<tc>", "exec", ast.PyCF_ONLY_AST | ast.PyCF_TYPE_COMMENTS)
print(tree.body[0].type_comment, tree.type_ignores)
tree = compile("x = 1  # type: int\n", "<tc>", "exec", ast.PyCF_ONLY_AST)
print(tree.body[0].type_comment)
print(ast.Assign(targets=[], value=None).type_comment, ast.TypeIgnore(lineno=3, tag="x").tag)
# A tree with type comments still compiles and runs.
code = compile(ast.parse("def f(a):  # type: (int) -> int\n    return a + 1  # type: ignore\n", type_comments=True), "<tc>", "exec")
ns = {}
exec(code, ns)
print(ns["f"](41))

# mode='func_type': the grammar of a signature type comment.
for s in ["(int, str) -> bool", "() -> None", "(int) -> List[int]", "(*int, **str) -> x", "(int,) -> x", "int -> x", "(a) -> b\n\n", "(a, b) -> c -> d", "  (a) -> b", "(a, *b) -> c"]:
    try:
        print(repr(s), ast.dump(ast.parse(s, mode="func_type"), include_attributes=True))
    except SyntaxError as e:
        print(repr(s), "SyntaxError", e.msg, e.lineno, e.offset)
try:
    compile("() -> None", "f", "func_type")
except ValueError as e:
    print(e)
t = ast.parse("() -> None", mode="func_type")
try:
    compile(t, "f", "func_type")
except Exception as e:
    print(type(e).__name__, e)

# mode='func_type': plain argument types, then at most one *t, then at most one **t.
for s in ["(int, *str, *Any) -> float", "(int, **str, Any) -> float", "(*int, **str) -> None", "(**int, *str) -> None",
          "(*a, b) -> c", "(**a, **b) -> c", "(a, *b, **c) -> d", "(*a) -> b"]:
    try:
        print(s, ast.dump(ast.parse(s, mode="func_type")))
    except SyntaxError as e:
        print(s, "SyntaxError", e.msg)
