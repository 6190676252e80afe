# `re` flags, groups, lookarounds and the objects' reprs.
import re

print(re.findall(r"cat", "Cat cAt cat", re.IGNORECASE), re.findall(r"(?i)straße", "STRASSE Straße"))
print(re.findall(r"^\w+", "first line\nsecond line", re.M), re.findall(r"\w+$", "a b\nc d", re.MULTILINE))
print(re.search(r"a.b", "a\nb"), re.search(r"a.b", "a\nb", re.DOTALL))
verbose = re.compile(r"""
    (?P<area>\d{3})   # area code
    [-.\s]?           # separator
    (?P<number>\d{4}) # number
""", re.VERBOSE)
print(verbose.search("call 555 1234 now").groupdict())
print(re.findall(r"\w+", "naïve café", re.ASCII), re.findall(r"\w+", "naïve café"))

m = re.match(r"(\w+) (\w+)(?: (\w+))?", "Isaac Newton")
print(m, m.groups(), m.groups("?"), m.group(1, 2), m[0], m.lastindex, m.span(2), m.start(3))
m = re.search(r"(?P<year>\d{4})-(?P<month>\d\d)", "due 2024-05-17")
print(m.groupdict(), m.lastgroup, m["year"], m.re.pattern, m.string, m.pos, m.endpos, m.regs)
print(m.expand(r"\g<month>/\g<year> (\1)"))

print(re.findall(r"\w+(?=!)", "hi! there! you"), re.findall(r"(?<=\$)\d+", "cost $42 and $7"))
print(re.findall(r"\b(?!un)\w+", "undo redo unzip zip"), re.findall(r"(?<!-)\b\d+", "-3 4 -5 6"))
print(re.findall(r"<.+?>", "<a><b></b>"), re.findall(r"<.+>", "<a><b></b>"))
print(re.match(r"(a+)+$", "a" * 20 + "b"))
print(re.findall(r"(\w)\1", "bookkeeper"), re.sub(r"(\w)\1", r"\1", "bookkeeper"))
print(re.search(r"(?P<q>['\"])(.*?)(?P=q)", "say \"hi\" now").group(2))
print(re.findall(r"(<)?\w+(?(1)>)", "<a> b <c"))
print(re.findall(r"(?>a+)b|a+", "aab aa"), re.findall(r"\d++x|\d+", "12x 34"))

p = re.compile(r"\d+", re.I | re.M)
print(p, repr(re.compile("a+")), repr(re.compile(b"x", re.LOCALE)), repr(re.compile("x" * 300))[-20:])
print(re.compile(r"(?s)a", re.X), p.pattern, p.flags == re.I | re.M | re.U, p.groups, re.compile("(a)(?P<n>b)").groupindex)
print(p == re.compile(r"\d+", re.I | re.M), p == re.compile(r"\d+"), hash(p) == hash(re.compile(r"\d+", re.I | re.M)))
print(type(p).__name__, type(m).__name__, isinstance(p, re.Pattern), isinstance(m, re.Match), re.Pattern[str])
import copy
print(copy.copy(p) is p, copy.deepcopy(m) is m)
print(re.compile(r"\w+").fullmatch("abc def", 4), re.compile(r"\w+").search("abc def", 1, 2))
print([m.span() for m in re.finditer(r"", "abc")], re.findall(r"\b", "a b"))
print(re.purge(), re.compile(r"x").scanner("xax").search())
