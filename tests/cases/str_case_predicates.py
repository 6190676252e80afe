# Case conversion and character-class predicates.
words = ["hello", "WORLD", "MiXeD", "123", "abc123", "", " ", "\t\n", "Title Case", "ÄÖÜ", "straße", "ǅ", "x1_y"]
for w in words:
    print(repr(w), w.upper(), w.lower(), w.isalpha(), w.isdigit(), w.isalnum(), w.isspace(), w.isupper(), w.islower(), w.istitle())
print("42".isdecimal(), "4.2".isdecimal(), "²".isdigit(), "²".isdecimal(), "½".isnumeric())
print("abc".isidentifier(), "1abc".isidentifier(), "_x".isidentifier(), "ab cd".isidentifier())
print("straße".upper(), "İ".lower() == "i̇", "ß".casefold(), "ΣΑΣ".lower())
print("hello world".capitalize(), "HELLO".capitalize(), "o'neil's".title())
print("abc".isascii(), "äbc".isascii(), "ABC".islower(), "abc".isprintable(), "a\nb".isprintable())
