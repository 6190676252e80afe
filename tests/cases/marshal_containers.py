# marshal.dumps/loads of lists, dicts, sets and frozensets (nested, shared, in every format), and loads of
# bytes CPython 3.11 wrote.
import marshal


def show(label, value, version=marshal.version):
    data = marshal.dumps(value, version)
    back = marshal.loads(data)
    print(label, version, data, back == value, type(back).__name__)


# Containers held by a variable (CPython flags them for references: their reference count is above one).
empty_list = []
show("empty list", empty_list)
ints = [1, 2, 3]
show("small ints", ints)
big = [1000, 2 ** 40, -7, 1267650600228229401496703205376]
show("big ints", big)
mixed = [1.5, "abc", "a b", b"xy", None, True, False, ..., (1, 2), 3j]
show("mixed", mixed)
d = {"a": 1, "b": [2, 3], "c": {"d": None}}
show("dict", d)
show("empty dict", {})
s = {1, 2, 3}
show("set", s)
show("empty set", set())
fs = frozenset({"x", "y", "z"})
show("frozenset", fs)
show("frozenset of ints", frozenset({3, 1, 2}))
strs = {"banana", "apple", "cherry"}
show("set of str", strs)
nested = [[1, [2, [3, [4]]]], {"k": ({1: 2},)}]
show("nested", nested)

# Literals passed straight in: nothing else holds the outer container, so it is not flagged.
show("literal list", [1, 2])
show("literal dict", {"x": 1})
show("literal set", {5, 6})

# Shared containers: written once, then referred to; loads keeps the sharing.
inner = [1, 2]
pair = [inner, inner]
show("shared", pair)
back = marshal.loads(marshal.dumps(pair))
print("sharing kept:", back[0] is back[1])
shared_d = {"one": inner, "two": inner, "three": [inner]}
back = marshal.loads(marshal.dumps(shared_d))
print("dict sharing:", back["one"] is back["two"] is back["three"][0])
t = (inner, inner)
back = marshal.loads(marshal.dumps(t))
print("tuple of lists:", type(back).__name__, back[0] is back[1])

# Every format: 0-1 write floats as text, 0-2 write no references, 0-3 no short forms.
for version in range(5):
    show("versions", [1.5, "abc", (1,), {"k": inner}, frozenset({2})], version)
show("version 2 complex", [1 + 2j], 2)
show("version 1 complex", [1 + 2j], 1)
show("version 0 float", [0.1, -2.5e300, float("inf")], 0)

# Values that cannot be marshalled, anywhere in a container.
for bad in ([object()], {"k": object()}, {1: [print]}):
    try:
        marshal.dumps(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    marshal.dumps({[1]: 2})
except TypeError as e:
    print("TypeError:", e)
class MyList(list):
    pass
try:
    marshal.dumps(MyList([1]))
except ValueError as e:
    print("subclass ValueError:", e)

# Bytes CPython 3.11 wrote: lists, dicts, sets, references to containers, a dict with a key but no value.
samples = [
    b'[\x02\x00\x00\x00\xe9\x01\x00\x00\x00\xe9\x02\x00\x00\x00',
    b'\xdb\x02\x00\x00\x00\xdb\x00\x00\x00\x00r\x01\x00\x00\x00',
    b'{\xda\x01a[\x01\x00\x00\x00\xe9\x01\x00\x00\x00\xda\x01b\xa9\x01\xe9\x02\x00\x00\x000',
    b'<\x03\x00\x00\x00\xe9\x01\x00\x00\x00\xe9\x02\x00\x00\x00\xe9\x03\x00\x00\x00',
    b'>\x02\x00\x00\x00\xda\x01a\xda\x01b',
    b'{0',
    b'{\xe9\x01\x00\x00\x000',
]
for raw in samples:
    value = marshal.loads(raw)
    print("loads", raw, value if not isinstance(value, (set, frozenset)) else sorted(value), type(value).__name__)
for raw in (b'[\x02\x00\x00\x00\xe9\x01\x00\x00\x00', b'{\xe9\x01\x00\x00\x00', b'<\xff\xff\xff\xff', b'[\x05\x00\x00\x00'):
    try:
        marshal.loads(raw)
    except (EOFError, ValueError) as e:
        print(type(e).__name__, e)
try:
    marshal.loads(b'<\x01\x00\x00\x00[\x00\x00\x00\x00')
except TypeError as e:
    print("TypeError:", e)
