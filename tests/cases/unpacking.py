# Tuple/list unpacking in assignments and for targets, starred targets, nested patterns, swaps, chains.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
[f, g] = "xy"
print(f, g)
h, *i = [1, 2, 3, 4]
print(h, i)
*j, k = range(5)
print(j, k)
l, *m, n = "abcdef"
print(l, m, n)
o, *p, q = [1, 2]
print(o, p, q)
r, (s, *t), u = 1, (2, 3, 4), 5
print(r, s, t, u)
x = y = z = 0
print(x, y, z)
v = w = [1]
v.append(2)
print(w, v is w)
aa, bb = cc = 1, 2
print(aa, bb, cc)
first, second = {"one": 1, "two": 2}
print(first, second)
k1, v1 = ("key", "value")
print(k1, v1)
lst = [0, 0, 0]
lst[0], lst[2] = 7, 9
print(lst)
dd = {}
dd["a"], dd["b"] = "A", "B"
print(dd)
i2 = 0
arr = [10, 20, 30]
i2, arr[i2] = 1, 99
print(i2, arr)
for idx, (name, score) in enumerate([("ann", 90), ("bob", 85)]):
    print(idx, name, score)
fibs = [0, 1]
for _ in range(10):
    p1, p2 = fibs[-2], fibs[-1]
    fibs.append(p1 + p2)
print(fibs)
*init, = (1, 2, 3)
print(init)
a, b, c = [x * x for x in range(3)]
print(a, b, c)
def pair():
    return "left", "right"
left, right = pair()
print(left, right)
head, *tail = pair()
print(head, tail)
