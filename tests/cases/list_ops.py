# List operations: building, indexing, slicing assignment, concatenation, repetition, membership, nesting.
a = [1, 2, 3]
b = [4, 5]
print(a + b, a * 2, 2 * b, [] * 5, [0] * 3, a, len(a + b))
print(a[0], a[-1], a[1:], 3 in a, 4 in a, 4 not in a, a == [1, 2, 3], a != b, a < b, [1, 2] < [1, 2, 0])
c = a
c.append(99)
print(a, c, a is c)
d = a[:]
d.append(100)
print(a, d, a is d, a == d[:-1])
m = [[0] * 3 for i in range(3)]
for i in range(3):
    for j in range(3):
        m[i][j] = i * 3 + j
print(m, m[1][2], m[-1][-1])
bad = [[0] * 2] * 2
bad[0][0] = 7
print(bad)
lst = list(range(10))
lst[2:5] = ["a", "b"]
print(lst)
lst[:0] = [-1, -2]
print(lst)
lst[-2:] = []
print(lst)
lst[::2] = [0] * len(lst[::2])
print(lst)
lst[1] = "x"
lst[-1] = "last"
print(lst, len(lst))
del lst[0]
del lst[1:3]
del lst[::2]
print(lst)
e = []
print(e, len(e), bool(e), bool([0]), [[]], [[], []])
print(list("abc"), list((1, 2)), list(range(3)), list(), list([5, 6]))
print([1, [2, [3, [4]]]], [None, True, 1.5, "s", (1,)])
x = [3, 1, 2]
y = x
x += [4]
print(x, y)
x = x + [5]
print(x, y)
x *= 2
print(x)
print([i for i in a], [1, 2] == [1.0, 2.0], max([3, 9, 2]), min([3, 9, 2]), sum([1, 2, 3]))
