# dict methods: get, keys/values/items, pop, popitem, setdefault, update, copy, clear, fromkeys.
d = {"a": 1, "b": 2, "c": 3}
print(d.get("a"), d.get("z"), d.get("z", 0), d.get("b", 99))
print(d.keys(), d.values(), d.items())
print(list(d.keys()), list(d.values()), list(d.items()))
print(len(d.keys()), "a" in d.keys(), 2 in d.values(), ("c", 3) in d.items())
for k, v in d.items():
    print(k, "->", v)
print(d.pop("b"), d, d.pop("zz", "default"))
d.update({"d": 4, "a": 10})
d.update(e=5)
d.update([("f", 6)])
print(d)
print(d.setdefault("a", 0), d.setdefault("g", 7), d.setdefault("h"), d)
c = d.copy()
c["a"] = -1
print(d["a"], c["a"])
print(d.popitem(), d.popitem(), d)
c.clear()
print(c, len(c))
print(dict.fromkeys(["x", "y", "z"]), dict.fromkeys("ab", 0))
inv = {}
for k, v in {"p": 1, "q": 2, "r": 1}.items():
    inv.setdefault(v, []).append(k)
print(inv)
groups = {}
for w in "apple avocado banana blueberry cherry cranberry apricot".split():
    key = w[0]
    groups[key] = groups.get(key, 0) + 1
print(groups, sorted(groups), sorted(groups.items()))
m = {"x": 1}
m.update({"y": 2})
print(m, {"a": 1} | {"b": 2}, sorted({"b": 1, "a": 2}.items(), reverse=True))
