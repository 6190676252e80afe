# for loops over every tier-1 iterable, with else, break, continue, nested loops and loop-variable leaks.
for ch in "abc":
    print(ch, end="")
print()
for x in [1, 2, 3]:
    print(x * 10, end=" ")
print()
for t in (4, 5):
    print(t)
for k in {"a": 1, "b": 2}:
    print(k)
for k, v in {"x": 1, "y": 2}.items():
    print(k, v)
for i, ch in enumerate("xyz"):
    print(i, ch)
for a, b in zip([1, 2, 3], "abc"):
    print(a, b)
for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    print("even", i)
else:
    print("no break")
for i in range(3):
    pass
else:
    print("completed, i =", i)
for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            print(n, "=", d, "*", n // d)
            break
    else:
        print(n, "is prime")
for i in []:
    print("never")
else:
    print("empty loop else")
grid = []
for r in range(3):
    row = []
    for c in range(4):
        row.append(r * c)
    grid.append(row)
print(grid)
total = 0
for row in grid:
    for cell in row:
        total += cell
print(total)
lst = [1, 2, 3]
for item in lst:
    if item == 2:
        lst.append(4)
    print(item)
for (a, b), c in [((1, 2), 3), ((4, 5), 6)]:
    print(a + b + c)
for a, *rest in [(1, 2, 3), (4, 5)]:
    print(a, rest)
print("leaked", ch, x, t, a, rest)
