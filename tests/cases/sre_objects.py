# The _sre objects' API (Pattern, Match, scanner) driven without `re`: the compile arguments were produced by
# python3.11's re compiler (re._parser.parse + re._compiler._code). Expected output: python3.11's _sre.
import _sre

ARGS = {'name': ('(?P<first>\\w+) (?P<last>\\w+)(?P<tail>!)?', 32, [14, 4, 0, 3, 4294967295, 17, 0, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 17, 1, 16, 32, 17, 2, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 17, 3, 23, 9, 0, 1, 17, 4, 16, 33, 17, 5, 18, 1], 3, {'first': 1, 'last': 2, 'tail': 3}, (None, 'first', 'last', 'tail')), 'word': ('\\w+', 32, [14, 4, 0, 1, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 1], 0, {}, (None,)), 'wordi': ('\\w+', 34, [14, 4, 0, 1, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 1], 0, {}, (None,)), 'many': ('a|(b)|(c)|(?P<d>d)', 32, [14, 4, 0, 1, 1, 7, 5, 16, 97, 15, 29, 9, 17, 0, 16, 98, 17, 1, 15, 20, 9, 17, 2, 16, 99, 17, 3, 15, 11, 9, 17, 4, 16, 100, 17, 5, 15, 2, 0, 1], 3, {'d': 3}, (None, None, None, 'd')), 'bytes': (b'(\\d+)-(\\d+)', 0, [14, 4, 0, 3, 4294967295, 17, 0, 24, 9, 1, 4294967295, 13, 4, 8, 0, 0, 1, 17, 1, 16, 45, 17, 2, 24, 9, 1, 4294967295, 13, 4, 8, 0, 0, 1, 17, 3, 1], 2, {}, (None, None, None)), 'long': ('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 32, [14, 506, 3, 250, 250, 250, 250, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127, 128, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 140, 141, 142, 143, 144, 145, 146, 147, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160, 161, 162, 163, 164, 165, 166, 167, 168, 169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 179, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 190, 191, 192, 193, 194, 195, 196, 197, 198, 199, 200, 201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211, 212, 213, 214, 215, 216, 217, 218, 219, 220, 221, 222, 223, 224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234, 235, 236, 237, 238, 239, 240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 16, 120, 1], 0, {}, (None,)), 'flags': ('a', 122, [14, 4, 0, 1, 1, 40, 97, 1], 0, {}, (None,)), 'quote': ("it's", 32, [14, 14, 3, 4, 4, 4, 4, 105, 116, 39, 115, 0, 0, 0, 0, 16, 105, 16, 116, 16, 39, 16, 115, 1], 0, {}, (None,)), 'uni': ('é+', 32, [14, 4, 0, 1, 4294967295, 24, 6, 1, 4294967295, 16, 233, 1, 1], 0, {}, (None,)), 'empty': ('', 32, [14, 4, 0, 0, 0, 1], 0, {}, (None,)), 'loc': (b'a', 4, [14, 8, 3, 1, 1, 1, 1, 97, 0, 16, 97, 1], 0, {}, (None,)), 'asc': ('a', 256, [14, 8, 3, 1, 1, 1, 1, 97, 0, 16, 97, 1], 0, {}, (None,))}
P = {name: _sre.compile(*a) for name, a in ARGS.items()}


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


print(_sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS, _sre.getcodesize())
print([_sre.ascii_iscased(c) for c in (65, 97, 48, 0xe9)], [_sre.unicode_iscased(c) for c in (65, 0xe9, 0x3b1, 48, 0x2160)])
print([_sre.ascii_tolower(c) for c in (65, 97, 0xc9)], [_sre.unicode_tolower(c) for c in (65, 0xc9, 0x130, 0x3a3, 0x212a)])

# Pattern attributes and repr
for name, p in P.items():
    print(name, repr(p), p.pattern == ARGS[name][0], p.flags, p.groups, dict(p.groupindex))
p = P['name']
print(type(p).__name__, type(p).__module__, type(p).__qualname__)
print(p == _sre.compile(*ARGS['name']), p != _sre.compile(*ARGS['word']), hash(p) == hash(_sre.compile(*ARGS['name'])))
print(p.__copy__() is p, p.__deepcopy__({}) is p)
print(type(p)[str])
print(type(p.groupindex).__name__)
try:
    p.groupindex['x'] = 1
except TypeError as e:
    print("groupindex is read-only:", e)

# Match accessors
m = p.search("Hi Ada Lovelace!?")
print(repr(m))
print(m.group(), m.group(0), m.group(1), m.group('last'), m.group(1, 'last', 0), m[2], m['first'])
print(m.groups(), m.groupdict(), m.start(), m.end(), m.span(), m.span('last'), m.start(3), m.end('tail'))
print(m.pos, m.endpos, m.lastindex, m.lastgroup, m.re is p, m.string, m.regs)
print(m.__copy__() is m, m.__deepcopy__(None) is m)
m2 = p.search("Ada Lovelace")
print(m2.groups(), m2.groups('-'), m2.groupdict(), m2.groupdict(0), m2.span(3), m2.lastindex, m2.lastgroup)
attempt("group(4)", lambda: m.group(4))
attempt("group(-1)", lambda: m.group(-1))
attempt("group('nope')", lambda: m.group('nope'))
attempt("group([])", lambda: m.group([]))
attempt("m[9]", lambda: m[9])
attempt("start('x')", lambda: m.start('x'))
attempt("group(True)", lambda: m.group(True))
attempt("group(2**70)", lambda: m.group(2**70))
mm = P['many'].search("zzc")
print(mm.lastindex, mm.lastgroup, mm.groups(), mm.regs)
print(P['many'].search("d").lastgroup, P['many'].search("a").lastindex)
long_m = P['word'].search("w" * 80)
print(repr(long_m))
print(repr(P['uni'].search("xéééy")), repr(P['empty'].match("abc")))
print(repr(P['bytes'].search(b"tel: 12-345")), P['bytes'].search(b"12-345").groups())

# arguments
w = P['word']
print(w.match("ab cd", 3), w.match(string="ab cd", pos=3, endpos=4), w.search("ab cd", endpos=1), w.fullmatch("ab", 0, 2))
print(w.search("ab", -10, 100).span(), w.search("ab cd", 3).pos, w.search("ab", -5, 99).endpos, w.search("abc", 2, 1))
print(w.findall("a bb ccc", 2), w.findall("a bb ccc", 1, 6), w.split("a bb ccc"), w.split("a bb ccc", maxsplit=1))
print(w.split("a bb", -1), w.sub("X", "a bb ccc", count=2), w.subn("X", "a bb ccc"), w.sub(lambda m: m.group().upper(), "a bb"))
print(w.sub(lambda m: None, "a bb"), P['empty'].sub("-", "abc"), P['empty'].split("abc"), P['empty'].findall("ab"))
attempt("match()", lambda: w.match())
attempt("match(1,2,3,4)", lambda: w.match("a", 1, 2, 3))
attempt("match(pos='x')", lambda: w.match("a", pos="x"))
attempt("match(foo=1)", lambda: w.match("a", foo=1))
attempt("match(string twice)", lambda: w.match("a", string="b"))
attempt("match(1)", lambda: w.match(1))
attempt("match(bytes)", lambda: w.match(b"a"))
attempt("bytes pattern on str", lambda: P['bytes'].match("a"))
attempt("sub bad return", lambda: w.sub(lambda m: 1, "a"))
attempt("sub str into bytes", lambda: P['bytes'].sub("x", b"1-2"))
attempt("sub()", lambda: w.sub())
attempt("split(1,2,3)", lambda: w.split("a", 1, 2))
attempt("sub raising", lambda: w.sub(lambda m: 1 / 0, "a"))
attempt("compile tuple code", lambda: _sre.compile("a", 0, (1,), 0, {}, (None,)))
attempt("compile big word", lambda: _sre.compile("a", 0, [2 ** 32], 0, {}, (None,)))
attempt("compile negative", lambda: _sre.compile("a", 0, [-1], 0, {}, (None,)))
attempt("compile int pattern", lambda: _sre.compile(5, 0, [1], 0, {}, (None,)))
print(_sre.compile(None, 0, ARGS['word'][2], 0, {}, (None,)).search(b"xx yy"))
print(_sre.compile(None, 0, ARGS['word'][2], 0, {}, (None,)).search("xx yy"))

# scanner and finditer
sc = w.scanner("ab  cd e")
print(type(sc).__name__, sc.pattern is w)
print(sc.match(), sc.match(), sc.search(), sc.search(), sc.search(), sc.search(), sc.match())
sc = P['empty'].scanner("ab")
print([m.span() for m in iter(sc.search, None)])
it = w.finditer("one two  three", 1, 12)
print(type(it).__name__, [(m.group(), m.span(), m.pos, m.endpos) for m in it])
print([m.span() for m in P['bytes'].finditer(b"1-2 33-44")])
