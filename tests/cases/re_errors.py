# re.error messages and positions, and the type errors of the re API.
import re

for bad in ["[a", "(abc", "abc)", "a**", "x{2,1}", "(?P<1>a)", "(?P<n>a)(?P<n>b)", r"\1(a)", "(?<=a+)b",
            "a{99999999999}", "(?z)", r"\k", "[z-a]", "(?P=nope)", "*a", "(?", r"\N{NOT A NAME}", "(?i" ]:
    try:
        re.compile(bad)
        print(bad, "compiled")
    except re.error as e:
        print(repr(bad), "->", e, "|", e.msg, e.pos, e.lineno, e.colno)
    except OverflowError as e:
        print(repr(bad), "-> OverflowError", e)

try:
    re.compile("(a\n(b")
except re.error as e:
    print(e, e.lineno, e.colno)

for call in [lambda: re.match(r"a", 5), lambda: re.match(b"a", "a"), lambda: re.match("a", b"a"),
             lambda: re.sub("a", lambda m: 3, "a"), lambda: re.sub("(a)", r"\2", "a"),
             lambda: re.sub("a", r"\g<x>", "a"), lambda: re.compile("a").match(), lambda: re.compile(5),
             lambda: re.match("(a)", "a").group(2), lambda: re.match("(a)", "a").group("z"),
             lambda: re.compile("a", re.LOCALE), lambda: re.compile(b"a", re.U), lambda: re.sub("x", "\\", "x")]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
print(issubclass(re.error, Exception), re.error.__module__, re.error.__name__)
