# Syntax errors at CPython's positions, in 'exec' and 'single' input:
# - "unindent does not match any outer indentation level": the offset is the offending line's length in
#   characters counting its newline (exec input without a final newline gets one; 'single' input does not);
# - `match <subject>` and `[async] with (<items>)` ending their line without ':' are "expected ':'" at the
#   line's end (CPython's invalid_match_stmt / invalid_with_stmt; test_syntax's doctests).
# - a block header not followed by an indented block names async for/with/def by the keyword after `async`,
#   and `except*`, `match` and `case` by their own names;
# - `except A, B:` is "multiple exception types must be parenthesized";
# - assigning to what cannot be a target: CPython's invalid_named_expression gives operand-level expressions
#   "cannot assign to X here. Maybe you meant '==' instead of '='?", invalid_assignment gives generator
#   expressions, conditional expressions, comparisons, `not`, `and`/`or` and lambdas the plain message.
sources = [
    'def spam():\n  print(1)\n print(2)', 'def spam():\n  print(1)\n print(2)\n', 'if 1:\n    x = 1\n  y = 2\n',
    'if 1:\n    x\n  y', 'if 1:\n    x\n  y  # c', 'if 1:\n    x\n  é = 1', 'class A:\n        a\n    b\n',
    "with (blech as something)\n  pass\n", "with (blech)\n  pass\n", "with (blech, block as something)\n  pass\n",
    "with (blech, block as something, bluch)\n  pass\n", "match x\n    case list():\n        pass\n",
    "match x, y\n", "match x\n", "match -x\n", "if 1:\n    match x\n",
    "async def f():\n    async with (a as b)\n        pass\n", "with a as b\n  pass\n", "match(x)\n", "match = 3\n",
    "(x for x in x) = 1", "[x for x in x] = 1", "{x for x in x} = 1", "{x: y for x in x} = 1", "a if 1 else b = 1",
    "not a = 1", "a < b = 1", "lambda: 1 = 1", "a and b = 1", "f() = 1", "a + 1 = 2", "-a = 1", "1 = 1",
    "'s' = 1", "f'{x}' = 1", "{1: 2} = 1", "{1} = 1", "... = 1", "None = 1", "x = (y for y in z) = 1",
    "(a, b for b in c) = 1", "await x = 1",
    "async def f():\n    async for x in y:\n    pass\n", "async def f():\n    async with A:\n    pass\n",
    "async def f():\n    async with (A as a, B as b):\n    pass\n", "async def f():\npass\n", "match x:\npass\n",
    "match x:\n    case 1:\n    pass\n", "match x:\n    case 1 if y:\n    pass\n", "try:\n    pass\nexcept* E:\npass\n",
    "try:\n    pass\nexcept *E:\npass\n", "async for x in y:\npass\n", "async with a:\npass\n", "case x:\npass\n",
    "try:\n    pass\nexcept A, B:\n    pass\n", "try:\n    pass\nexcept A, B, C:\n    pass\n",
    "try:\n    pass\nexcept A, B as e:\n    pass\n", "try:\n    pass\nexcept* A, B:\n    pass\n",
    "try:\n    pass\nexcept* A, B as e:\n    pass\n", "try:\n    pass\nexcept A, B\n", "try:\n    pass\nexcept (A, B):\n    pass\n",
    "try:\n    pass\nexcept A, B: x[1:2]\n", "try:\n    pass\nexcept f(a, b), c:\n    pass\n",
]
for source in sources:
    for mode in ("exec", "single"):
        try:
            compile(source, "<case>", mode)
            print(repr(source), mode, "compiles")
        except SyntaxError as e:
            print(repr(source), mode, type(e).__name__, e.msg, (e.lineno, e.offset, e.end_lineno, e.end_offset),
                  repr(e.text))
