# str subclasses: inherited methods return plain str; indexing, iteration, formatting, keys, attributes.
class MyStr(str):
    def shout(self):
        return self.upper() + "!"


s = MyStr("hello")
print(s, repr(s), type(s).__name__, isinstance(s, str), s.shout(), len(s), s[1], s[-1], s[1:4], s[::-1])
for r in (s.upper(), s.strip(), s.replace("l", "L"), s + "!", "<" + s, s * 2, s[:], s.lower(), s.title(),
          s.center(9, "*"), str(s), s.join(["a", "b"]), " ".join([s, s]), f"{s}", format(s)):
    print(repr(r), type(r).__name__)
print(list(s), [c for c in s], "ell" in s, s.find("l"), s.count("l"), s.startswith("he"), s.split("l"))
print(s == "hello", "hello" == s, s < "help", s != "x", hash(s) == hash("hello"), {"hello": 1}[s], {s: 2}["hello"])
print(f"[{s:>8}]", f"[{s:^9}]", "%s|%r|%5s" % (s, s, MyStr("ab")), "{0}-{0!r}".format(s), sorted([MyStr("b"), "a"]))
print(MyStr(), repr(MyStr()), MyStr(42), MyStr(3.5), MyStr([1, "x"]), MyStr(None), MyStr(s) == s, type(MyStr(s)).__name__)
s.lang = "en"
print(s.lang, vars(s), int(MyStr("12")) + 1, float(MyStr("1.5")), MyStr("a,b").split(","), ord(MyStr("A")))
d = {}
for word in map(MyStr, "the cat the hat".split()):
    d[word] = d.get(word, 0) + 1
print(d, type(list(d)[0]).__name__)


class Upper(str):
    def __new__(cls, text):
        return super().__new__(cls, text.upper())


u = Upper("mixed Case")
print(u, type(u).__name__, u.lower(), u == "MIXED CASE", len(u), Upper("é") + "x")


class Named(str):
    def __init__(self, text):
        self.length_at_init = len(text)

    def __str__(self):
        return "Named:" + self

    def __repr__(self):
        return "Named(" + super().__repr__() + ")"


n = Named("abc")
print(n, str(n), repr(n), [n], f"{n}", "%s" % n, n.length_at_init, n + "d", n.upper())
try:
    str.__new__(Named, 1, 2, 3, 4)
except TypeError as e:
    print("TypeError", e)
try:
    "abc".extra = 1
except AttributeError as e:
    print("AttributeError:", e)
