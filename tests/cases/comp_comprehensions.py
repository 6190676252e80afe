# List/set/dict comprehensions, nested loops, conditions, scoping; walrus.
print([x * x for x in range(6) if x % 2 == 0])
print(sorted({c for c in "mississippi"}), {k: v for k, v in zip("abc", range(3))})
print({x: [y for y in range(x)] for x in range(4)})
print([(i, j) for i in range(3) for j in range(i)])
print([[row[i] for row in [[1, 2], [3, 4], [5, 6]]] for i in range(2)])
x = "outer"
print([x for x in "ab"], x)


def scope():
    n = 10
    return [n + i for i in range(3)], {n: i for i in range(2)}, {n * i for i in range(3)}


print(scope())
data = [4, 7, 1, 9]
if (n := len(data)) > 3:
    print("long list", n)
print([y for v in data if (y := v * 2) > 8], y)
total = 0
print([total := total + v for v in data], total)


def walrus_in_func():
    results = []
    while (chunk := data[len(results):len(results) + 2]):
        results.append(chunk)
    return results


print(walrus_in_func())
print({(a, b) for a in range(2) for b in range(2) if a != b} == {(0, 1), (1, 0)})
matrix = {f"r{r}": {f"c{c}": r * c for c in range(2)} for r in range(2)}
print(matrix)
print([f(3) for f in [lambda v, k=k: v ** k for k in range(3)]])
words = ["apple", "bob", "kayak", "level", "python"]
print({w: w == w[::-1] for w in words if len(w) > 3})
