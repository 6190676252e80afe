# _random.Random (CPython's Mersenne Twister): seeding by ints of every size and sign, by floats and other
# hashables, random(), getrandbits(), getstate()/setstate(), and a subclass with its own __init__ and attributes
# (as Lib's random.Random is), with the error messages.
import _random

r = _random.Random(42)
print([r.random() for _ in range(6)])
print([r.getrandbits(k) for k in (1, 5, 31, 32, 33, 64, 65, 100, 200)], r.getrandbits(0))
state = r.getstate()
print(len(state), state[-1], state[:4])
first = [r.random() for _ in range(700)]
r.setstate(state)
print(first == [r.random() for _ in range(700)], r.getstate()[-1])
for seed in [0, 1, -1, 42, -42, 2**31, 2**32 - 1, 2**32, 2**64 + 5, -(2**100) - 3, 10**50, 3.5, -0.25, True, (1, 2)]:
    r.seed(seed)
    print("seed", seed, r.random(), r.getrandbits(64))
r.seed()
r.seed(None)
print(type(r.random()).__name__, 0 <= r.random() < 1, _random.Random().getrandbits(3) < 8)


class Sub(_random.Random):
    def __init__(self, x, label):
        self.seed(x)
        self.label = label

    def random(self):
        return super().random() * 10


s = Sub(7, "mine")
print(s.label, s.random(), s.getrandbits(8), isinstance(s, _random.Random), type(s).__mro__[1])
s.extra = [1, 2]
print(s.extra, sorted(vars(s)))

for expr in ["r.getrandbits(-1)", "r.getrandbits()", "r.getrandbits(1.5)", "r.setstate(1)", "r.setstate((1, 2))",
             "r.setstate(tuple(range(624)) + (625,))", "r.setstate(tuple(range(624)) + (-1,))",
             "r.setstate(('a',) * 625)", "_random.Random(1, 2)", "_random.Random(x=1)", "r.seed([])",
             "r.seed(1, 2)", "r.seed(a=1)", "r.random(1)"]:
    try:
        print(expr, "->", eval(expr))
    except Exception as e:
        print(expr, "!!", type(e).__name__, e)
r.setstate(tuple(range(624)) + (624,))
print(r.random(), r.getstate()[:3])
