# A backslash continuation inside a line's indentation, as CPython 3.11's tokenizer measures it: the first
# backslash's column is the line's indentation, and a continued line that is blank leaves the indentation alone.
sources = [
    "\\\npass\n        \\\n\npass\n",
    "\\\ndef fib(n):\n    \\\n'''Print a Fibonacci series up to n.'''\n    \\\na, b = 0, 1\n",
    "\\\nif x:\n    y = 1\n  \\\n  foo = 1\n",
    "if x:\n    y = 1\n    \\\n  z = 2\n",
    "if 1:\n  \\\n      x = 1\n  y = 2\n",
]
for source in sources:
    try:
        compile(source, "<case>", "exec")
        print(repr(source), "compiles")
    except SyntaxError as e:
        print(repr(source), type(e).__name__, e.msg, (e.lineno, e.offset, e.end_lineno, e.end_offset), repr(e.text))
