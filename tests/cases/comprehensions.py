# List comprehensions: filters, nesting, expressions over every iterable, scoping of the loop variable.
print([x for x in range(10)])
print([x * x for x in range(10) if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(3) if x != y])
print([c.upper() for c in "hello" if c != "l"])
print([k + "=" + str(v) for k, v in {"a": 1, "b": 2}.items()])
print([i for i in range(20) if i % 2 if i % 3])
print([x for row in [[1, 2], [3], [], [4, 5, 6]] for x in row])
print([len(w) for w in "the quick brown fox".split()])
x = "outer"
squares = [x * 2 for x in range(4)]
print(x, squares)
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([sum(row) for row in matrix], sum([sum(row) for row in matrix]))
print([v if v > 4 else -v for row in matrix for v in row])
words = ["apple", "Banana", "cherry", "date"]
print(sorted([w.lower() for w in words], reverse=True))
print([(i, w) for i, w in enumerate(words) if len(w) > 4])
print([a * b for a, b in zip([1, 2, 3], [4, 5, 6])])
print([[]] * 2, [[] for _ in range(2)], [None for _ in []])
n = 5
print([n * i for i in range(n)])
