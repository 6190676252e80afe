# CPython 3.11's errors for malformed displays and call arguments: invalid_comprehension ("did you forget
# parentheses around the comprehension target?" over the elements), invalid_double_starred_kvpairs and
# invalid_kvpair (a starred dictionary value, a key with ':' and no value), invalid_kwarg ("cannot assign to
# True" through the '=', a parenthesized name or another expression before '='), and a bare generator argument
# followed by a comma. (test_syntax's examples.)
sources = [
    "[x,y for x,y in range(100)]", "{x,y for x,y in range(100)}", "[x, *y, z for x in a]",
    "[x, y for x in z if x]", "[x, for x in y]", "{1: 2, 3 for x in y}", "{1:2, 3:4, 5:}", "{1: *12+1, 23: 1}",
    "{1: *12+1}", "{1: 23, 1: *12+1}", "{1:}", "{1:2, 3:}", "{**a, 1:}", "{1: *a}", "{1: (*a)}",
    "f(x for x in L,)", "f(x for x in L, 1)", "f((x for x in L),)", "f((x)=2)", "f(True=1)", "f(False=1)",
    "f(None=1)", "f(a, True=1)", "f(a.b=1)", "f(a[0]=1)", "f(1=2)", "f(x=1, (y)=2)",
]
for source in sources:
    for mode in ("exec", "eval"):
        try:
            compile(source, "<case>", mode)
            print(mode, repr(source), "compiles")
        except SyntaxError as e:
            print(mode, repr(source), e.msg, (e.lineno, e.offset, e.end_lineno, e.end_offset), repr(e.text))
