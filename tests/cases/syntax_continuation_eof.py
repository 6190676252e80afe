# A line continuation at the end of input. Exec input gets a final newline from CPython's tokenizer, so a
# trailing backslash meets the end of input inside the continuation: an open bracket's "'(' was never closed",
# else "unexpected EOF while parsing" (end offset -1); 'single'/'eval' input keep the bare backslash, "unexpected
# character after line continuation character" (end offset 0). (test_exceptions'
# test_error_offset_continuation_characters.)
cases = [('"\\\n"(1 for c in I,\\\n\\', ("exec",))]
for source in ["x = 1 + \\\n", "x = 1 + \\", "x = (1 + \\\n", "x = (1 + \\", "\\", "\\\n", "x = 1\\\n\n", "(\\\n",
               "x = [1,\n  2 \\"]:
    cases.append((source, ("exec", "single", "eval")))
for source, modes in cases:
    for mode in modes:
        try:
            compile(source, "<case>", mode)
            print(repr(source), mode, "compiles")
        except SyntaxError as e:
            print(repr(source), mode, e.msg, (e.lineno, e.offset, e.end_lineno, e.end_offset), repr(e.text))
