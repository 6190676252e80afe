# isinstance and type on every tier-1 value, including tuples of types and bool-is-int.
vals = [0, -5, 2 ** 70, 1.5, float("nan"), "s", "", True, None, [1], (1,), {"a": 1}, range(3), len, print]
for v in vals:
    print(repr(v) if not isinstance(v, float) else "float", type(v), isinstance(v, int), isinstance(v, (str, list)), isinstance(v, float))
def f():
    return 1
print(type(f), type(type(1)), type(1) is int, type(True) is bool, type(True) is int, type("") == str)
print(isinstance(True, int), isinstance(1, bool), isinstance(1, (float, bool)), isinstance(1, (float, int)))
print(isinstance([], list), isinstance((), tuple), isinstance({}, dict), isinstance(range(1), range), isinstance(None, type(None)))
print(type(1)(5.9), type("")(12), type([])((1, 2)), type(1.0)("2.5"), type({})(a=1))
print(int, float, str, bool, list, tuple, dict, range, type)
print(isinstance(int, type), type(int), isinstance(f, type))
