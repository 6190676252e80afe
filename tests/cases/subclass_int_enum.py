# An IntEnum-like class: named int constants that still act as ints everywhere.
class Color(int):
    _names = {}

    def __new__(cls, value, name):
        self = super().__new__(cls, value)
        self.name = name
        cls._names[value] = self
        return self

    def __repr__(self):
        return f"<Color.{self.name}: {int(self)}>"

    def __str__(self):
        return f"Color.{self.name}"

    @classmethod
    def lookup(cls, value):
        return cls._names[value]


RED = Color(1, "RED")
GREEN = Color(2, "GREEN")
BLUE = Color(4, "BLUE")

print(RED, repr(GREEN), [RED, GREEN, BLUE], (BLUE,), {"c": RED})
print(f"{RED}", f"{RED!r}", f"{RED:d}", f"{GREEN:>3}", "%s %d %r" % (RED, RED, RED), "{}".format(BLUE))
print(RED + GREEN, RED | BLUE, type(RED | BLUE).__name__, RED == 1, RED < GREEN, sorted([BLUE, RED, GREEN]))
print(Color.lookup(2) is GREEN, Color.lookup(4).name, hash(RED) == hash(1), {1: "one"}[RED])
palette = ["black", "red", "green", "yellow", "blue"]
print(palette[RED], palette[BLUE], palette[GREEN:BLUE], list(range(RED, BLUE)))
print(max([RED, GREEN, BLUE]), min(RED, GREEN).name, sum([RED, GREEN, BLUE]), str(RED + 0), int(RED), bool(RED))
by_color = {}
for c in (RED, GREEN, BLUE, RED):
    by_color[c] = by_color.get(c, 0) + 1
print(by_color, [str(k) for k in by_color])
print(isinstance(RED, int), isinstance(RED, Color), type(RED).__mro__)


class Flag(int):
    def __or__(self, other):
        return Flag(int(self) | int(other))

    __ror__ = __or__

    def __repr__(self):
        return f"Flag({int(self):#06b})"


READ, WRITE, EXEC = Flag(1), Flag(2), Flag(4)
rw = READ | WRITE
print(rw, type(rw).__name__, 8 | READ, READ | 8, rw & WRITE, type(rw & WRITE).__name__, str(rw))
