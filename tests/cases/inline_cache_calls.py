# Calls the interpreter runs as frames without general binding: classes with a Python __init__, positional
# calls filling defaults. Each must behave exactly like the general path when the class or function changes.


class Pair:
    def __init__(self, a, b=10):
        self.a = a
        self.b = b


def make(*args):
    return Pair(*args) if len(args) != 1 else Pair(args[0])


print(vars(Pair(1)), vars(Pair(1, 2)), vars(Pair(a=3)), vars(make(4, 5)))
Pair.__init__ = lambda self, a, b=20: setattr(self, "sum", a + b)
print(vars(Pair(1)), vars(Pair(1, 2)))


def new_pair(cls, *args):
    obj = object.__new__(cls)
    obj.made_by_new = True
    return obj


Pair.__new__ = new_pair
print(sorted(vars(Pair(1))))


class Bad:
    def __init__(self, ret):
        self.ret = ret
        if ret == "raise":
            raise KeyError("from __init__")
        return ret


for r in [None, 0, "x", "raise"]:
    try:
        b = Bad(r)
        print("ok", b.ret)
    except (TypeError, KeyError) as e:
        print(type(e).__name__, e)

try:
    Pair()
except TypeError as e:
    print("TypeError", e)
try:
    Pair(1, 2, 3)
except TypeError as e:
    print("TypeError", e)


class Node:
    def __init__(self, depth):
        self.child = Node(depth - 1) if depth else None
        self.depth = depth


def depth_of(n):
    d = 0
    while n.child is not None:
        n = n.child
        d += 1
    return d


print(depth_of(Node(50)))


class Sub(Pair):
    pass


class NoInit:
    pass


print(sorted(vars(Sub(1))), vars(NoInit()))
try:
    NoInit(1)
except TypeError as e:
    print("TypeError", e)


def defaults(a, b=2, c=[]):
    c.append(a)
    return a + b, len(c)


print(defaults(1), defaults(1, 5), defaults(2, 3, []), defaults(3))
defaults.__defaults__ = (100, [])
print(defaults(1), defaults(1, 1))
defaults.__defaults__ = None
try:
    defaults(1)
except TypeError as e:
    print("TypeError", e)
