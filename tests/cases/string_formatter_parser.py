# _string: formatter_parser and formatter_field_name_split (what string.Formatter is built on): pieces,
# escapes, conversions, nested specs, accessor chains, lazy errors.
import _string

for text in ["a{0!r:>{w}}b{x.y[3]}{{}}c{}", "{!s}{:}{}", "", "plain", "{{", "}}x", "{a!x}", "{0[}]}",
             "{a[b.c]!a:{{}}}", "tail{0}tail", "{ñ:é}ü"]:
    print(repr(text), list(_string.formatter_parser(text)))
for text in ["{", "}", "a{b", "{!}", "{a!}", "{a!rr}", "{a{b}", "x}y"]:
    it = _string.formatter_parser(text)
    try:
        print(repr(text), list(it))
    except ValueError as e:
        print(repr(text), "ValueError", e)
for name in ["a.b[0][x]", "12.b", "", "0", "007[1]", "a[", "a.", "a[]", "a.b.c[d.e]", "x[-1]", "[0]", ".a"]:
    first, rest = _string.formatter_field_name_split(name)
    try:
        print(repr(name), repr(first), list(rest))
    except ValueError as e:
        print(repr(name), repr(first), "ValueError", e)
print(type(_string.formatter_parser("")).__name__, type(_string.formatter_field_name_split("a")[1]).__name__)
it = _string.formatter_parser("a{b}c")
print(iter(it) is it, next(it), next(it), next(it, "done"))
for expr in ["_string.formatter_parser(1)", "_string.formatter_parser()", "_string.formatter_field_name_split(b'x')"]:
    try:
        print(eval(expr))
    except TypeError as e:
        print(expr, "TypeError", e)
