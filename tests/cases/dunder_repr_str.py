class R:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return f"R({self.v!r})"


class S(R):
    def __str__(self):
        return f"<S {self.v}>"


class F:
    def __format__(self, spec):
        return f"F[{spec}]"


r, s = R("x"), S(2)
print(r, repr(r), str(r), [r, s], (s,), {1: s})
print(s, repr(s), f"{s}", f"{s!r}", "%s %r" % (s, s))
print(f"{F():>5}", format(F(), "abc"), "{:zz}".format(F()))
print(str(R(R(1))))


class BadRepr:
    def __repr__(self):
        return 42


try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)


class BadStr:
    def __str__(self):
        return None


try:
    str(BadStr())
except TypeError as e:
    print("TypeError:", e)


class Plain:
    pass


try:
    format(Plain(), "x")
except TypeError as e:
    print("TypeError:", e)
print(format(S(5)), f"{S(6)}")
print(object.__repr__(r)[:11], object.__str__(s) == repr(s))
