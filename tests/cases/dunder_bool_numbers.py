class Flag:
    def __init__(self, on):
        self.on = on

    def __bool__(self):
        return self.on


print(bool(Flag(True)), bool(Flag(False)), not Flag(False), Flag(True) and "yes", Flag(False) or "fallback")
if Flag(False):
    print("wrong")
else:
    print("falsy")
print([f.on for f in [Flag(True), Flag(False)] if f])


class BadBool:
    def __bool__(self):
        return 1


try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)


class Num:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v

    def __int__(self):
        return self.v + 1000

    def __float__(self):
        return self.v + 0.5


n = Num(3)
print([10, 20, 30, 40][n], "abcdef"[Num(1):Num(4)], hex(n), bin(Num(5)), range(n)[-1])
print(int(n), float(n), "ab" * Num(2), list(range(Num(2))))


class NoIndex:
    pass


try:
    [1, 2][NoIndex()]
except TypeError as e:
    print("TypeError:", e)


class Rounder:
    def __round__(self, nd=None):
        return f"round {nd}"


print(round(Rounder()), round(Rounder(), 2))


class Plain:
    pass


try:
    int(Plain())
except TypeError as e:
    print("TypeError:", e)
