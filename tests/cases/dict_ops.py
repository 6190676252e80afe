# dicts: insertion order, lookup, update in place, overwrite keeps position, deletion, mixed key types.
d = {"one": 1, "two": 2, "three": 3}
print(d, len(d), d["two"], "one" in d, 1 in d, "four" not in d)
d["four"] = 4
d["one"] = 100
print(d)
del d["two"]
print(d, list(d))
d["two"] = 2
print(d)
e = {}
print(e, len(e), bool(e), bool({0: 0}))
k = {1: "int", 1.5: "float", "s": "str", (1, 2): "tuple", True: "bool?", None: "none", -3: "neg"}
print(k, k[1], k[(1, 2)], k[None], len(k))
print({1: "a", 1.0: "b"}, {True: 1, 1: 2})
counts = {}
for ch in "mississippi":
    if ch in counts:
        counts[ch] = counts[ch] + 1
    else:
        counts[ch] = 1
print(counts)
for key in counts:
    print(key, counts[key])
sq = {}
for i in range(-3, 4):
    sq[i * i] = i
print(sq)
nested = {"a": {"b": {"c": [1, 2, {"d": "deep"}]}}}
print(nested["a"]["b"]["c"][2]["d"])
nested["a"]["b"]["x"] = 0
print(nested)
print({"a": 1} == {"a": 1}, {"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} != {"a": 2})
big = {}
for i in range(100):
    big[i * 7 % 101] = i
print(len(big), big[0], big[7], big[100], list(big)[:10])
for i in range(0, 100, 3):
    del big[i * 7 % 101]
print(len(big), list(big)[:10])
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"z": 0}), dict(), dict(zip("abc", range(3))))
