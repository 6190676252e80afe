# The native unicodedata module (Unicode 14.0.0, tables generated from python3.11's own unicodedata): every
# property over a large sample of code points (digests of the values, so a single wrong entry shows), names
# and lookup (algorithmic Hangul and CJK names, aliases, named sequences), the four normalization forms on
# random strings of combining marks, Hangul jamo and compatibility characters, and the error messages.
import hashlib
import random
import unicodedata as u

print(u.unidata_version)
sample = list(range(0, 0xD800)) + list(range(0xE000, 0x10000)) + list(range(0x10000, 0x30000, 5)) + list(range(0x30000, 0x110000, 97)) + \
    list(range(0xE0000, 0xE01F0))
properties = {
    "name": lambda c: u.name(c, "-"),
    "category": u.category,
    "bidirectional": u.bidirectional,
    "combining": u.combining,
    "east_asian_width": u.east_asian_width,
    "mirrored": u.mirrored,
    "decomposition": u.decomposition,
    "decimal": lambda c: u.decimal(c, None),
    "digit": lambda c: u.digit(c, None),
    "numeric": lambda c: u.numeric(c, None),
}
for prop, read in properties.items():
    values = "\n".join(str(read(chr(c))) for c in sample)
    print(prop, hashlib.sha256(values.encode("utf-8", "surrogatepass")).hexdigest()[:32])

for ch in "aA1\u00bd\u216b\uac00\ud7a3\u4e00\U00020000\u0301\u00e9\U0001F600\u200b\uffff\x00\u00df\u0660\u2460\uf900\u0f33":
    print(hex(ord(ch)), u.name(ch, None), u.category(ch), u.bidirectional(ch), u.combining(ch), u.east_asian_width(ch),
          u.mirrored(ch), u.decomposition(ch), u.decimal(ch, None), u.digit(ch, None), u.numeric(ch, None))

# lookup() inverts name() (case-insensitively) and also takes aliases and named sequences.
named = [c for c in sample[::3] if u.name(chr(c), None)]
print(len(named), all(u.lookup(u.name(chr(c))) == chr(c) for c in named))
for n in ["LATIN SMALL LETTER A", "latin small letter a", "HANGUL SYLLABLE GAG", "hangul syllable gag",
          "HANGUL SYLLABLE I", "CJK UNIFIED IDEOGRAPH-4E00", "CJK UNIFIED IDEOGRAPH-3134A", "LINE FEED", "NBSP",
          "BYTE ORDER MARK", "LATIN CAPITAL LETTER GHA", "LATIN CAPITAL LETTER A WITH MACRON AND GRAVE",
          "CJK UNIFIED IDEOGRAPH-4e00", "CJK UNIFIED IDEOGRAPH-3134B", "HANGUL SYLLABLE GAGX", "NO SUCH THING",
          "x" * 257, ""]:
    try:
        print(repr(n[:40]), ascii(u.lookup(n)))
    except KeyError as e:
        print(repr(n[:40]), "KeyError", e)

# Normalization: random strings over a pool of interesting characters, in all four forms.
pool = ("ae\u0301\u0300\u0323\u0328\u031b\u0345\u00e9\u1e9b\u212b\u00c5\u0041\u030a\u1100\u1161\u11a8\uac00"
        "\uac01\ufb01\u00bd\u2460\u0b47\u0b3e\u0b57\u3099\u304b\u309a\u0f73\u0f71\u0f72\u05b8\u05b9\u1d15e\uff76"
        "\u00a8\u0385\u1fee\u2126\u03a9\u0344\u0308\u0301\u1ff3\u0390\uf900\U0002f800")
random.seed(14)
results = []
for _ in range(400):
    s = "".join(random.choice(pool) for _ in range(random.randint(1, 8)))
    for form in ["NFC", "NFD", "NFKC", "NFKD"]:
        n = u.normalize(form, s)
        results.append(ascii(n) + str(u.is_normalized(form, s)) + str(u.is_normalized(form, n)))
print("normalize", hashlib.sha256("\n".join(results).encode()).hexdigest()[:32])
decomposable = [chr(c) for c in sample if u.decomposition(chr(c))]
for form in ["NFC", "NFD", "NFKC", "NFKD"]:
    print(form, len(decomposable), hashlib.sha256("".join(u.normalize(form, c) + "|" for c in decomposable).encode()).hexdigest()[:32])
for s in ["e\u0301", "\u1e9b\u0323", "\u1100\u1161\u11a8", "\ufb01", "\u0041\u030a\u0323", "\u00bd", "a\u0328\u0301\u0323"]:
    print(ascii(s), [ascii(u.normalize(f, s)) for f in ("NFC", "NFD", "NFKC", "NFKD")])

for expr in ["u.category('ab')", "u.category(1)", "u.category('')", "u.name('a', 1, 2)", "u.name()", "u.decimal('a')",
             "u.digit('a')", "u.numeric('a')", "u.name('\\x00')", "u.normalize('X', 'a')", "u.normalize('NFC', 1)",
             "u.normalize(1, 'a')", "u.is_normalized('NFC', b'')", "u.normalize('NFC')", "u.lookup(1)",
             "u.lookup(b'DIGIT ONE')", "u.decimal('\\u00bd', 'dflt')", "u.numeric('\\u00bd', 'dflt')", "u.name('\\uffff', 0)", "u.combining('xy')"]:
    try:
        print(expr, "->", eval(expr))
    except Exception as e:
        print(expr, "!!", type(e).__name__, e)
