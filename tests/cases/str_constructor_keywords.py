# str(object, encoding, errors) binds each parameter by position or keyword: str(b'abc', encoding='ascii')
# decodes (minipy used to ignore keyword encoding/errors and return the bytes' repr).
print(repr(str(b"abc", encoding="ascii")), repr(str(b"a\xffb", errors="replace")), repr(str(object=b"x", encoding="latin-1")))
print(repr(str(object=5)), repr(str(b"ab", "ascii", errors="strict")))
for kwargs in ({"object": 1, "bogus": 2}, {"encoding": 5}, {}):
    try:
        print(repr(str(b"q", **kwargs)))
    except TypeError as e:
        print(e)
try:
    str("s", encoding="utf-8")
except TypeError as e:
    print(e)
try:
    str(1, 2, 3, 4)
except TypeError as e:
    print(e)
try:
    str(b"x", object=b"y")
except TypeError as e:
    print(e)
