class Acc:
    def __init__(self):
        self.items = []

    def __iadd__(self, x):
        self.items.append(x)
        return self

    def __add__(self, x):
        n = Acc()
        n.items = self.items + [x]
        return n

    def __isub__(self, x):
        return "isub result"

    def __imul__(self, x):
        return NotImplemented

    def __mul__(self, x):
        return f"mul {x}"


a = Acc()
b = a
a += 1
a += 2
print(a is b, a.items)
c = Acc()
d = c + 5
print(c.items, d.items)
a -= 1
print(a)
e = Acc()
e *= 3
print(e)


class OnlyAdd:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return OnlyAdd(self.v + o)


x = OnlyAdd(1)
y = x
x += 10
print(x.v, y.v, x is y)
class Ops:
    pass


def aug(op):
    o = Ops()
    if op == "+=": o += 2
    elif op == "-=": o -= 2
    elif op == "*=": o *= 2
    elif op == "/=": o /= 2
    elif op == "//=": o //= 2
    elif op == "%=": o %= 2
    elif op == "**=": o **= 2
    elif op == "<<=": o <<= 2
    elif op == ">>=": o >>= 2
    elif op == "&=": o &= 2
    elif op == "|=": o |= 2
    elif op == "^=": o ^= 2
    elif op == "@=": o @= 2


for op in ("+=", "-=", "*=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^=", "@="):
    try:
        aug(op)
    except TypeError as err:
        print("TypeError:", err)
