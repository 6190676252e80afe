# How CPython 3.11 scans an f-string's replacement field (string_parser.c's fstring_find_expr): nested strings,
# triple-quoted ones included, are skipped whole; a backslash is refused even inside them; '!=', '==', '<=', '>='
# do not end the field; an empty field says which of '!', ':', '=' it met; a field cut short after '=' or '!' is
# "expecting '}'"; `(*a)`/`(**a)` are the group errors. Errors sit on the token after the literal (its whole span),
# or at the literal's end with end_offset -1 when eval or single input ends there.
sources = [
    "f\"{'''eric's'''}\"", "f'''{'''\"\"\"'''}'''", "f'{\"a\" \"b\"}'", "f\"{'''a\nb'''}\"",
    "f'{!r}'", "f'{ !r}'", "f'{!}'", "f'''{\t\x0c\r\n!a}'''", "f'{!'", "f'{!s:'", "f'{:}'", "f'{ :!}'",
    "f'{=}'", "f'{ =}'", "f'{   =!}'", "f'{3!'", "f'{x=   '", "f'{x!}'", "f'{\"\\n\"}'", "f'{a<=b}'",
    "f'{a!=b}'", "f'{a==b}'", "f'{a>b}'", "x = f'{!r}' + 1", "(f'{!r}'\n)", "f'{*a}'", "f'{**a}'", "f'{ **a}'",
    "(**a)", "((**a))", "(** a + 1)", "(*a)", "x = (*a)",
]
for source in sources:
    for mode in ("exec", "eval", "single"):
        try:
            compile(source, "<case>", mode)
            print(mode, repr(source), "compiles")
        except SyntaxError as e:
            print(mode, repr(source), e.msg, (e.lineno, e.offset, e.end_lineno, e.end_offset), repr(e.text))
a, b = 1, 2
print(f"{'''eric's'''}", f'{a<=b}', f'{a!=b}', f'{a==b=}', f'''{"""x"""!r}''')
