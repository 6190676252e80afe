# bytes subclasses and the bytes() constructor.
class Blob(bytes):
    def hexed(self):
        return "".join("%02x" % b for b in self)


b = Blob(b"hi\x00")
print(b, repr(b), type(b).__name__, len(b), b[0], b[-1], b[1:], type(b[1:]).__name__, list(b), b.hexed())
print(b == b"hi\x00", b"hi\x00" == b, hash(b) == hash(b"hi\x00"), {b"hi\x00": 1}[b], b + b"!", type(b + b"!").__name__)
print(Blob(), Blob(3), Blob([65, 66]), Blob("é", "utf-8"), Blob(b"x") < b"y", b.decode("utf-8") == "hi\x00")
b.kind = "greeting"
print(b.kind, vars(b))
print(bytes(), bytes(2), bytes([1, 2, 255]), bytes(range(3)), bytes("abc", "ascii"), bytes(b"copy"), bytes((104, 105)))
for args in ((-1,), ([256],), (["a"],), ("text",), (1.5,), (None,), (b"x", "utf-8")):
    try:
        print(bytes(*args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


class Sized(bytes):
    def __new__(cls, n):
        return super().__new__(cls, b"*" * n)

    def __len__(self):
        return -1 if False else 1000


s = Sized(3)
print(s, len(s), bytes.__len__(s), type(s).__name__)
