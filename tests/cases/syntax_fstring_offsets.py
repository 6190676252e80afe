# SyntaxErrors inside f-string fields as CPython 3.11 reports them: the parser's errors are "f-string: ..." on
# the field's line with the columns and text of the "(expr)" string it parsed; tokenizer errors keep their own
# message and columns; the outer scanner's (unmatched brackets, missing '}') sit after the literal; the field is
# compiled before `=`, `!`, `:` and `}` are looked at. (test_exceptions' testSyntaxErrorOffset.)
sources = [
    "f'{a $ b}'", "f'{a b}'", "x = f'{1+}'", "f'{)}'", "f'{]}'", "f'{(]}'", "f'{(}'", "f'{[1, 2}'",
    "f'''\n{a b}'''", "x = 1\nf'{a b}'", "f'{a!x}'", "f'{'", "f'{a:{b c}}'", "  f'{a b}'", "f'{é b}'",
    "f'{1_a}'", "f'{x 1_a}'", "f'{  }'", "f'{a=!x}'",
    "f'''\n            {\n            (123_a)\n            }'''",
    'f\'\'\'\n            {\n            f"""\n            {\n            (123_a)\n            }\n            """\n            }\'\'\'',
    'f"""\n\n\n            {\n            6\n            0="""',
    "f'{a b'", "f'{a b:x}'", "f'{lambda x:1}'", "f'{*a}'", "f'{a:=1}'", "f'{(a:=1)}'",
]
for source in sources:
    try:
        compile(source, "<case>", "exec")
        print(repr(source), "compiles")
    except SyntaxError as e:
        print(repr(source), e.msg, (e.lineno, e.offset, e.end_lineno, e.end_offset), repr(e.text))
