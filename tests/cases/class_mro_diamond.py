class A:
    def who(self):
        return ["A"]


class B(A):
    def who(self):
        return ["B"] + super().who()


class C(A):
    def who(self):
        return ["C"] + super().who()


class D(B, C):
    def who(self):
        return ["D"] + super().who()


print(D().who())
print([k.__name__ for k in D.__mro__])


class X: pass
class Y: pass
class Z(X, Y): pass
class W(Y, X): pass
class K1(X, Y): pass
class K2(Y): pass
class M(K1, K2): pass


print([k.__name__ for k in M.__mro__])
print([k.__name__ for k in Z.__mro__], [k.__name__ for k in W.__mro__])

try:
    class Bad(Z, W):
        pass
except TypeError as e:
    print("TypeError:", e)

try:
    class Bad2(X, Z):
        pass
except TypeError as e:
    print("TypeError:", e)

try:
    class Dup(X, X):
        pass
except TypeError as e:
    print("TypeError:", e)

try:
    class NoBool(bool):
        pass
except TypeError as e:
    print("TypeError:", e)
