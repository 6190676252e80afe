# "unindent does not match any outer indentation level": CPython's offset is the length of the offending line
# counting its newline (exec input without a final newline gets one; 'single' input does not), end offset -1.
sources = ['def spam():\n  print(1)\n print(2)', 'def spam():\n  print(1)\n print(2)\n', 'if 1:\n    x = 1\n  y = 2\n',
           'if 1:\n    x\n  y', 'if 1:\n    x\n  y  # c', 'if 1:\n    x\n  é = 1', 'class A:\n        a\n    b\n']
for source in sources:
    for mode in ("exec", "single"):
        try:
            compile(source, "<case>", mode)
            print(repr(source), mode, "compiles")
        except SyntaxError as e:
            print(repr(source), mode, type(e).__name__, e.msg, (e.lineno, e.offset, e.end_lineno, e.end_offset), repr(e.text))
