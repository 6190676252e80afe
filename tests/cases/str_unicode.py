# Strings are sequences of code points: len, indexing, ord/chr, escapes, comparison, UTF-8 output.
s = "naïve café — 日本語 😀"
print(s, len(s))
for ch in s:
    print(repr(ch), ord(ch), hex(ord(ch)))
print(s.upper(), s.lower(), s[::-1])
print(chr(233), chr(0x65E5), chr(0x1F600), chr(955), chr(10), repr(chr(0)), repr(chr(127)), repr(chr(160)))
print("\u00e9", "\U0001F600", "\x41\x42", "\101\102", "tab\tend", repr("\u200b"), repr("é"))
print(repr("a\nb\tc\\d'e\"f"), repr('it\'s'), repr("say \"hi\""), repr("both ' and \""))
print("é" < "z", "Z" < "a", "abc" < "abd", "ab" < "abc", "日" > "本", sorted(["é", "e", "z", "E", "😀", "a"]))
print("日本" + "語", "ñ" * 3, "😀" in s, s.find("日"), s.count("é"), s.index("😀"))
print(len("\u0041\u030a"), "A\u030a")
b = "".join([chr(c) for c in range(0x3b1, 0x3ca)])
print(b, len(b), b.upper())
