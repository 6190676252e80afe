# Single input ('single' mode) that ends without a newline right after a compound statement's one-line body is a
# SyntaxError in CPython 3.11 (its parser adds one NEWLINE at the end, which the body takes); a body on its own
# indented line, or a final newline, is fine. (test_compile's test_bad_single_statement.)
sources = ["def f(): pass", "def f(): pass\n", "if 1: pass", "class A: pass", "while 0: pass", "for x in y: pass",
           "with a: pass", "try: pass\nexcept: pass", "def f():\n  pass", "if x:\n  if y: pass",
           "if x:\n  pass\nelse: pass", "@d\ndef f(): pass", "if x: pass # c", "if x: pass  ", "x = lambda: 1",
           "async def f(): pass", "1 + 2 # one plus two", "1; 2", "if x:\n   f(x)\nelse:\n   g(x)", "@d"]
for source in sources:
    try:
        compile(source, "<single>", "single")
        print(repr(source), "ok")
    except SyntaxError as e:
        print(repr(source), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
