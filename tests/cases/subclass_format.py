# format(), f-strings, str.format and %-formatting of str/int/float subclass instances.
class I(int):
    pass


class F(float):
    pass


class S(str):
    pass


class Shown(int):
    def __str__(self):
        return "shown"


class Custom(float):
    def __format__(self, spec):
        return "custom<" + spec + ">"


values = [I(42), F(2.5), S("text"), Shown(7), Custom(1.0)]
for v in values:
    print(format(v), f"{v}", "{}".format(v), "%s" % (v,), f"{v!r}", f"{v:>8}|")
print(format(I(255), "x"), format(I(255), "#010b"), format(F(1234.5), ",.2f"), format(S("ab"), "*^6"), f"{Shown(7):d}")
print(f"{I(5):+d} {F(0.25):%} {F(3):g} {S('q'):<3}| {I(10**20):,}", "{0:>4}{1:.1e}".format(I(3), F(12345.678)))
print("%d %i %x %o %e %5.1f %s %r" % (I(9), Shown(8), I(255), I(8), F(1.5), F(2.25), S("s"), S("r")))
print(f"{Custom(2.0):.3f}", format(Custom(0.0), "xyz"), "{:abc}".format(Custom(1)))
for v, spec in ((I(5), "q"), (F(1.5), "d"), (S("x"), "d"), (I(5), "s"), (Shown(1), ",s")):
    try:
        print(format(v, spec))
    except ValueError as e:
        print("ValueError:", e)
try:
    "%d" % S("1")
except TypeError as e:
    print("TypeError:", e)
