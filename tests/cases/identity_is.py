# is / is not and identity of shared containers; None/True/False singletons; mutation through aliases.
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, b is not a)
b.append(3)
print(a, c)
print(None is None, True is True, False is not True, type(None) is type(None))
def ident(x):
    return x
print(ident(a) is a, ident(None) is None)
d = {"list": a}
d["list"].append(4)
print(a, d)
rows = [a, a]
rows[0].append(5)
print(rows)
e = a[:]
e.append(6)
print(a is e, a, e)
x = None
if x is None:
    print("x is None")
if x is not None:
    print("never")
t = (a, c)
t[0].append(7)
print(t)
print(len is len, print is not len)
