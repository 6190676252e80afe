# unicode_escape decodes \N{name} escapes with the names unicodedata knows, and fails on malformed or unknown
# names over exactly the range CPython reports, under every error handler.
cases = [b"\\N{BULLET}", b"a\\N{LATIN SMALL LETTER A}b", b"\\N{bullet}", b"\\N{NOPE}x", b"\\N{}x", b"\\Nx", b"\\N",
         b"\\N{BULLET", b"\\N{HANGUL SYLLABLE GA}", b"\\N{CJK UNIFIED IDEOGRAPH-4E00}", b"\\N{LATIN CAPITAL LETTER A WITH MACRON AND GRAVE}"]
for c in cases:
    for errors in ("strict", "replace", "ignore", "backslashreplace"):
        try:
            print(c, errors, repr(c.decode("unicode_escape", errors)))
        except UnicodeDecodeError as e:
            print(c, errors, "UnicodeDecodeError", e.start, e.end, e.reason)
print(repr(b"\\N{BULLET}".decode("raw_unicode_escape")))
import codecs
print(codecs.unicode_escape_decode(b"\\N{BULLET}z"))
