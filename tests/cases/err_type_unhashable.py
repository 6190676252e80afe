# TypeError: unhashable type used as a dict key.
d = {}
d["ok"] = 1
print(d)
key = [1, 2]
d[key] = 2
