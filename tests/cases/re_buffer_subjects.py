# re on bytes-like subjects other than bytes: bytearray, memoryview, mmap and array.array are read through the
# buffer protocol as CPython's _sre does (results are bytes, Match.string is the object itself), with the same
# errors for str patterns, non-contiguous views and non-buffers, and the buffer held while a scan is running.
import array
import mmap
import re

subjects = [
    bytearray(b"axb xxb"),
    memoryview(b"axb xxb"),
    memoryview(bytearray(b"--axb xxb--"))[2:-2],
    array.array("b", b"axb xxb"),
    array.array("B", b"axb xxb"),
]
m = mmap.mmap(-1, 7)
m.write(b"axb xxb")
subjects.append(m)



def show(*calls):
    shown = []
    for fn in calls:
        try:
            shown.append(repr(fn()))
        except Exception as e:
            shown.append(f"{type(e).__name__}: {e}")
    print(" ", *shown)


for s in subjects:
    print(type(s).__name__)
    found = re.search(rb"x+b", s)
    print(" ", found, found.group(), type(found.group()).__name__, found.string is s, found.span())
    show(lambda: re.match(rb"a", s), lambda: re.fullmatch(rb"a.b x+b", s) is not None)
    show(lambda: re.findall(rb"x(b)", s), lambda: re.split(rb" ", s), lambda: [x.span() for x in re.finditer(rb"x", s)])
    show(lambda: re.sub(rb"x", b"y", s), lambda: re.subn(rb"(x)", rb"[\1]", s),
         lambda: re.sub(rb"x", lambda m: bytearray(b"Z"), s))
    show(lambda: re.compile(rb"b").search(s, 2, 5), lambda: re.sub(rb"q", b"", s),
         lambda: re.sub(rb"x", bytearray(b"-"), s), lambda: re.search(rb"(x)(b)", s).expand(rb"\2\1"))
    show(lambda: re.search(r"x", s))

# Wider items: array('i') and a cast memoryview are read as their bytes.
ints = array.array("i", [0x41424344, 0x45464748])
print(re.findall(rb"[A-H]", ints), re.search(rb"B", memoryview(b"ABCD").cast("B", (2, 2))))

# Errors: what is not a buffer, a non-contiguous view, a bytes pattern on str, a str template on bytes.
for subject in [memoryview(b"abcdef")[::2], 12, ["a"], None]:
    try:
        re.search(rb"a", subject)
    except TypeError as e:
        print(type(subject).__name__, e)
try:
    re.search(rb"a", "abc")
except TypeError as e:
    print(e)
try:
    re.sub(rb"x", "y", bytearray(b"axb"))
except TypeError as e:
    print(e)
try:
    re.sub(rb"x", lambda m: 3, bytearray(b"axb"))
except TypeError as e:
    print(e)
try:
    re.sub(rb"x", lambda m: memoryview(b"abcd")[::2], bytearray(b"axb"))
except TypeError as e:
    print(e)

# A match reads its subject again: a bytearray changed afterwards shows its new bytes, cut to its length.
ba = bytearray(b"hello world")
found = re.search(rb"wor(ld)", ba)
ba[6:] = b"WORLD"
print(found.group(), found.group(1), found)
del ba[7:]
print(found.group(), found.group(1), found.span(1))

m.close()
