# bytes.decode / str.encode / bytes(str, encoding, errors): utf-8, ascii and latin-1 with error handlers.
cases = [
    'bytes("a")',
    'b"\\xff".decode()',
    'b"a\\xffb".decode("utf-8", "replace")',
    'b"a\\xffb".decode("ascii", "ignore")',
    'b"a\\xffb".decode("latin-1")',
    'b"a\\xffb".decode("ascii")',
    'b"a".decode("foo")',
    'bytes("\\xe9", "ascii")',
    'bytes("\\xe9", "utf-8")',
    'bytes("a", errors="strict")',
    'bytes(b"x", "utf-8")',
    'bytes(3, "utf-8")',
    'b"ab\\xe9\\x80".decode()',
    'b"ab\\xe9\\x80z".decode()',
    'b"\\xed\\xa0\\x80".decode()',
    'b"a\\xf0\\x9f".decode("utf-8", "backslashreplace")',
    'b"a".decode("utf-8", "bogus")',
    'b"\\xff".decode("utf-8", "bogus")',
    'bytes(b"xy")',
    'bytes("h\\xe9", "latin-1")',
    'bytes("h\\xe9", "ascii", "replace")',
    '"h\\xe9".encode()',
    '"h\\xe9".encode("ascii")',
    '"h\\xe9\\xe9".encode("ascii")',
    '"h\\xe9".encode("ascii", "replace")',
    '"h\\u20ac".encode("latin-1", "xmlcharrefreplace")',
    '"h\\u20ac".encode("ascii", "backslashreplace")',
    '"a".encode("nope")',
    '"a".encode(1)',
    'b"a".decode(errors="strict")',
]
for e in cases:
    try:
        print(e, '->', repr(eval(e)))
    except Exception as x:
        print(e, '!!', type(x).__name__, x)
