# del of names, list items, slices, dict keys, and several targets at once.
a = 1
b = [1, 2, 3, 4, 5, 6]
c = {"x": 1, "y": 2, "z": 3}
del a
print("a deleted")
del b[0]
print(b)
del b[-1]
print(b)
del b[1:3]
print(b)
b = list(range(10))
del b[::3]
print(b)
del c["y"]
print(c)
d = [1, 2, 3]
e = {"k": 0}
del d[0], e["k"]
print(d, e)
m = [[1, 2], [3, 4]]
del m[0][1], m[1]
print(m)
a = "rebound"
print(a)
def f():
    local = 5
    del local
    local = 6
    return local
print(f())
t = [0, 1, 2]
del t[:]
print(t)
x, y = 1, 2
del x, y
x = 3
print(x)
