# Nested containers: records, lookup tables, grouping, matrix ops — realistic small-program data handling.
people = [
    {"name": "Ann", "age": 31, "langs": ["python", "c"]},
    {"name": "Bob", "age": 27, "langs": ["go"]},
    {"name": "Cy", "age": 45, "langs": ["python", "rust", "c"]},
    {"name": "Di", "age": 27, "langs": []},
]
for p in people:
    print(p["name"], p["age"], len(p["langs"]), ", ".join(p["langs"]) or "-")
by_age = {}
for p in people:
    by_age.setdefault(p["age"], []).append(p["name"])
print(by_age)
lang_count = {}
for p in people:
    for lang in p["langs"]:
        lang_count[lang] = lang_count.get(lang, 0) + 1
print(lang_count)
def count_of(item):
    return -item[1], item[0]
print(sorted(lang_count.items(), key=count_of))
def age_of(p):
    return p["age"]
oldest = max(people, key=age_of)
print(oldest["name"], [p["name"] for p in sorted(people, key=age_of)])
def matmul(a, b):
    n = len(a)
    m = len(b[0])
    k = len(b)
    out = []
    for i in range(n):
        row = []
        for j in range(m):
            s = 0
            for t in range(k):
                s += a[i][t] * b[t][j]
            row.append(s)
        out.append(row)
    return out
A = [[1, 2], [3, 4]]
B = [[5, 6], [7, 8]]
print(matmul(A, B), matmul(B, A))
I = [[1, 0], [0, 1]]
P = I
for _ in range(10):
    P = matmul(P, [[1, 1], [1, 0]])
print(P)
tree = {"value": 1, "children": [{"value": 2, "children": []}, {"value": 3, "children": [{"value": 4, "children": []}]}]}
def tree_sum(node):
    total = node["value"]
    for c in node["children"]:
        total += tree_sum(c)
    return total
def tree_depth(node):
    best = 0
    for c in node["children"]:
        d = tree_depth(c)
        if d > best:
            best = d
    return best + 1
print(tree_sum(tree), tree_depth(tree))
inventory = {"apples": (3, 0.5), "pears": (0, 0.75), "plums": (12, 0.2)}
total = 0
for item, (qty, price) in inventory.items():
    total += qty * price
    print("%-7s %3d x %.2f = %6.2f" % (item, qty, price, qty * price))
print("total %.2f" % total)
