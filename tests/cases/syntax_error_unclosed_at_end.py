# Input that ends inside brackets: when the parser's error rule for two adjacent expressions ("Perhaps you forgot a
# comma?") has to read on to the end of the input, CPython's tokenizer reports the unclosed bracket instead; when
# something after the second expression stops it first, the comma hint stands. Every compile mode, with and
# without a final newline.
sources = ["(1 2", "f(a b", "x = [1 2", "(1 2\n", "(1\n2", "(1 2)", "(1 2 +", "(1 2, 3", "(1 2 + 3", "(1 2 3",
           "(1 2.x", "(1 2(", "(1 2 if", "[a b for", "{1 2", "{'a': 1 2", "(1 2 -\n", "print(a b\n\n"]
for mode in ("exec", "eval", "single"):
    for source in sources:
        try:
            compile(source, "<s>", mode)
            print(mode, repr(source), "compiled")
        except SyntaxError as error:
            print(mode, repr(source), error.msg, error.lineno, error.offset, error.end_lineno, error.end_offset,
                  repr(error.text))
