# Module-level and class-body names (LOAD_NAME / STORE_NAME) remember where a name sits in the namespace
# dict; deletions, re-insertions and resizes must never show a stale value.
results = []
for i in range(6):
    if i == 2:
        len = lambda x: "module len"
    if i == 4:
        del len
    results.append(len("abc"))
print(results)

value = 0
for i in range(5):
    value = value + i
    if i == 2:
        del value
        value = 100
print(value)

names = []
for i in range(40):
    globals()["filler_%d" % i] = i  # grows (and re-indexes) the module dict between loads
    names.append(value + i)
print(names[:3], names[-1])


class Config:
    total = 0
    for k in range(4):
        total = total + k
    del k
    label = "total=%d" % total
    if total > 3:
        total = -total


print(Config.total, Config.label, hasattr(Config, "k"))

ns = {"x": 1}
code = "for _ in range(3):\n    x = x * 2\nresult = x"
exec(code, ns)
print(ns["result"])
ns2 = {"x": 5}
exec(code, ns2)
print(ns2["result"], ns["result"])
