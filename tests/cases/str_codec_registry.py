# str.encode / bytes.decode / str(bytes, enc) / bytes(str, enc) with encodings other than utf-8, ascii and
# latin-1 go through the codec registry (Lib's encodings), with CPython's errors for non-text codecs.
for f in [lambda: "a".encode("rot13"), lambda: b"a".decode("base64"), lambda: "a".encode("nonexist"),
          lambda: b"a".decode("no-such-codec")]:
    try:
        f()
    except LookupError as e:
        print("LookupError:", e)
print("x\u20ac".encode("utf-16-le"), b"\xff\xfeh\x00".decode("utf-16"), "é".encode("cp1252"), b"\xe9".decode("cp1252"))
print("a\u20acb\n".encode("raw-unicode-escape"), "a\u20acb\n".encode("unicode-escape"), b"a\\u20ac".decode("unicode_escape"))
print(str(b"\xe9t\xe9", "cp1252"), bytes("\u00e9", "latin-1"), bytes("\u20ac", "utf-16-be"), "ß".encode("utf_32_be"))
print("Ünïcödé".encode("iso8859_15"), "abc".encode("utf-16"), b"\x00a\x00b".decode("utf-16-be"), "Ω".encode("cp437", "replace"))
try:
    "€".encode("cp437")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
try:
    b"\x81".decode("cp1252")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(b"\x81".decode("cp1252", "replace"), "€".encode("cp437", "xmlcharrefreplace"), "€".encode("koi8_r", "backslashreplace"))
