# Builtin-value subclasses combined: mixins, deeper hierarchies, subclass values as keys and attribute names.
class Describe:
    def describe(self):
        return f"{type(self).__name__}({super().__repr__()})"


class DInt(Describe, int):
    pass


class DStr(Describe, str):
    pass


class DTuple(Describe, tuple):
    pass


print(DInt(5).describe(), DStr("x").describe(), DTuple([1]).describe(), DInt.__mro__)
print(DInt(2) * 3, DStr("ab") * 2, DTuple((1, 2)) + (3,), isinstance(DInt(1), Describe), isinstance(DInt(1), (str, int)))


class Level1(int):
    def kind(self):
        return "level1"


class Level2(Level1):
    def __repr__(self):
        return "L2<" + super().__repr__() + ">"


class Level3(Level2):
    def kind(self):
        return "level3/" + super().kind()


v = Level3(7)
print(v, repr(v), v.kind(), v + 1, [v], issubclass(Level3, int), type(v).__base__.__name__, v.__class__.__name__)
print(Level3.__bases__, Level1.__base__, int in Level3.__mro__, type(v) is Level3, type(v) == Level2)

table = {}
for key in (1, Level1(1), Level3(1), True, 1.0):
    table[key] = table.get(key, 0) + 1
print(table, len(table), type(list(table)[0]).__name__)
names = {DStr("alpha"): 1, "beta": 2}
print(names["alpha"], names[DStr("beta")], sorted(names), {str(k): v for k, v in names.items()})


class Obj:
    pass


o = Obj()
setattr(o, DStr("field"), 42)
print(getattr(o, DStr("field")), o.field, hasattr(o, DStr("field")), vars(o))
print(sorted([DStr("b"), "c", DStr("a")]), max(DInt(3), Level3(9), 4), sum(x for x in (DInt(1), Level1(2), 3)))
print(",".join([DStr("x"), "y"]), DStr("-").join(["a", "b"]), "%s=%d" % (DStr("k"), Level2(3)), f"{Level2(4)!s:>6}")
print(str(DTuple((DInt(1), DStr("s")))), repr([Level2(1), DStr("q")]), {DInt(1), DInt(1), 1})


class Config(dict):
    def __missing__(self, key):
        return DStr("default-" + key)


cfg = Config(name=DStr("app"))
print(cfg["name"], cfg["port"], type(cfg["port"]).__name__, cfg)


class Stack(list):
    def push(self, item):
        self.append(item)
        return self


st = Stack().push(DInt(1)).push(Level3(2))
print(st, sum(st), type(st).__name__, [type(x).__name__ for x in st])
