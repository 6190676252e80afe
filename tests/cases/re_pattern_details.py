# re details CPython's _sre has: groups named by any __index__ object, weak references to patterns, and an exact
# str or bytes subject given back itself (not a copy) by split/sub when nothing matched.
import re
import weakref


class Index:
    def __init__(self, value):
        self.value = value

    def __index__(self):
        return self.value


class BadIndex:
    def __index__(self):
        raise ValueError("bad index")


m = re.match(r"(a)(b)?", "ac")
print(m.group(Index(1)), m.group(Index(2)), m.span(Index(1)), m[Index(0)], m.start(True))
for index in [Index(3), Index(-1), Index(2**70), 2**70, "x", 1.0]:
    try:
        m.group(index)
    except IndexError as e:
        print(type(index).__name__, "IndexError", e)
try:
    m.group(BadIndex())
except ValueError as e:
    print("ValueError", e)

p = re.compile(r"x+")
r = weakref.ref(p)
print(r() is p, weakref.proxy(p).pattern)

s = "abc" * 5
b = b"abc" * 5
print(re.sub("q", "", s) is s, re.split("q", s)[0] is s, re.subn(b"q", b"", b)[0] is b, re.sub(b"q", b"", b) is b)
print(re.sub("q", "", s) == s, re.sub(b"q", b"", bytearray(b)), type(re.split(b"q", bytearray(b))[0]).__name__)
