# Class creation keeps what Python code hands it alive while more Python code runs: __slots__ names produced by
# a generator that collects between items, and the results of earlier __mro_entries__ calls while later ones run
# (and collect). Each callback allocates after collecting, so lost names would be overwritten.
import gc


def slot_names():
    for name in ("alpha", "beta", "gamma", "delta"):
        gc.collect()
        junk = [str(i) * 3 for i in range(200)]
        yield "".join([name])


class WithSlots:
    __slots__ = slot_names()


w = WithSlots()
w.alpha, w.delta = 1, 4
print(sorted(k for k in WithSlots.__dict__ if not k.startswith("__")), w.alpha, w.delta)


class Entry:
    def __init__(self, n):
        self.n = n

    def __mro_entries__(self, bases):
        gc.collect()
        junk = [object() for _ in range(300)]
        return (type("Base%d" % self.n, (), {"n": self.n}),)


class Multi(Entry(1), Entry(2), Entry(3)):
    pass


print([c.__name__ for c in Multi.__mro__], Multi.__orig_bases__[0].n)
