# UnicodeEncodeError/DecodeError/TranslateError keep encoding, object, start, end and reason, and str() reads them;
# error handlers registered with codecs.register_error (and namereplace) run inside str.encode/bytes.decode.
try:
    b"ab\xffcd".decode("utf-8")
except UnicodeDecodeError as e:
    print(repr(e), e.encoding, e.object, e.start, e.end, e.reason, e.args)
try:
    "h\u00e9llo".encode("ascii")
except UnicodeEncodeError as e:
    print(repr(e), e.encoding, e.object, e.start, e.end, e.reason)
    e.start = 2; e.reason = "changed"
    print(str(e))
e = UnicodeDecodeError("utf-8", b"xyz", 1, 2, "bad")
print(str(e), e.args)
e = UnicodeTranslateError("abc", 0, 1, "nope")
print(str(e), repr(e), e.object, e.start, e.end, e.reason, isinstance(e, UnicodeError))
try:
    UnicodeDecodeError("utf-8", "notbytes", 1, 2, "bad")
except TypeError as err:
    print(err)
print(str(UnicodeEncodeError("ascii", "\u20ac", 0, 1, "ordinal not in range(128)")))
print(str(UnicodeDecodeError("ascii", b"\xe2\x82", 0, 2, "ordinal not in range(128)")))
print("x".encode("ascii", errors="strict"), "é".encode("ascii", "replace"), "é".encode("ascii", "backslashreplace"))
import codecs
def handler(exc):
    return ("?" * (exc.end - exc.start), exc.end)
codecs.register_error("q", handler)
print("aéb€".encode("ascii", "q"))
print("a\u00e9\u20acb".encode("ascii", "namereplace"))
print(b"a\xffb\xfe".decode("utf-8", "q2") if codecs.register_error("q2", lambda e: ("<%d:%d>" % (e.start, e.end), e.end)) is None else "")
def back(e):
    return ("[X]", -1)
codecs.register_error("back", back)
print("ab\u00e9".encode("latin-1", "back"), "\u20acz".encode("ascii", "back"))
for bad in (lambda e: "notatuple", lambda e: ("x", 99), lambda e: (b"x", e.end)):
    codecs.register_error("bad", bad)
    for f in (lambda: "\u20ac".encode("ascii", "bad"), lambda: b"\xff".decode("ascii", "bad")):
        try:
            print(f())
        except Exception as e:
            print(type(e).__name__, e)
codecs.register_error("unenc", lambda e: ("\u20ac", e.end))
try:
    "\u00ff".encode("ascii", "unenc")
except UnicodeEncodeError as e:
    print("reraised", e)
try:
    "x\u20ac".encode("ascii", "nosuch")
except LookupError as e:
    print(e)
codecs.register_error("q", lambda e: ("?" * (e.end - e.start), e.end))
print(codecs.encode("aé€", "ascii", "q"), codecs.decode(b"a\xff", "utf-8", "q"), codecs.ascii_encode("é", "q"), codecs.utf_8_decode(b"\xffz", "q"))
print(codecs.latin_1_encode("€x", "namereplace"), "é".encode("cp1252", "q"), "€".encode("latin-1", "q"))
