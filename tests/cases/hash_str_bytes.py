# str and bytes hashes are CPython's keyed SipHash-1-3 (the harness runs both interpreters with
# PYTHONHASHSEED=0), so the hashes themselves and the order of sets of strings can be printed and compared.
import sys

print(sys.hash_info.algorithm, sys.hash_info.hash_bits, sys.hash_info.seed_bits, sys.hash_info.cutoff)
print(sys.flags.hash_randomization)

# Hashes over each width of CPython's canonical form: ASCII, Latin-1, two-byte and four-byte characters;
# the empty string and empty bytes hash to 0.
texts = ["", "a", "ab", "abcdefg", "abcdefgh", "abcdefghi", "x" * 100, "\xe9", "caf\xe9", "\xff" * 9,
         "\u20ac", "a\u20acb", "\u4e2d\u6587", "\U0001f600", "a\U0001f600\xe9", "\udc80", "\ud800x"]
for t in texts:
    print(ascii(t), hash(t))
for b in [b"", b"a", b"abc", b"\x00" * 8, b"\xff" * 15, bytes(range(256))]:
    print(b[:16], len(b), hash(b), hash(memoryview(b)) == hash(b), hash(bytearray(b).decode("latin-1")) == hash(b.decode("latin-1")))
# ASCII text and its bytes hash alike (same canonical bytes); a Latin-1 str equals its latin-1 bytes' hash.
print(hash("spam") == hash(b"spam"), hash("caf\xe9") == hash("caf\xe9".encode("latin-1")))
# Hashes are cached, and a str subclass hashes as its value.
class S(str):
    pass
print(hash(S("spam")) == hash("spam"), hash("spam") == hash("sp" + "am"))

# Set orders follow the hashes and CPython's table layout.
words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu"]
print(list({"a", "b", "c", "d", "e", "f", "g"}))
print(list(set(words)))
print(list(frozenset(words)))
print(list(set(dict.fromkeys(words))))
print(list(set(words) | {"nu", "xi"}), list(set(words) & set(words[::2])))
print(list(set(words) - {"alpha"}), list(set(words) ^ {"alpha", "omega"}))
print(set("abracadabra"), frozenset(["\xe9", "\u20ac", "\U0001f600", "e"]))
print({w.encode() for w in words})
s = set(words)
for w in words[:5]:
    s.discard(w)
s.add("omicron")
print(s, s.pop())
print(sorted(set(words)) == sorted(words))
