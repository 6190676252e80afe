# int | None and friends: types.UnionType from type.__or__, flattened and deduplicated; isinstance/issubclass.
def f(x: int | None, y: list[int] | dict[str, int] | None = None) -> str | bytes:
    pass
print(f.__annotations__)
print(int | None, (int | str) == (str | int), int | int, (int | str).__args__, type(int | str).__module__,
      type(int | str).__name__, isinstance(3, int | str), isinstance(3.0, int | str), issubclass(bool, int | str),
      list[int] | None, None | int, int | str | int, (int | None) | str, hash(int | str) == hash(str | int))
class A:
    pass
print(A | None, isinstance(A(), A | int), isinstance(None, A | None), type.__or__(int, str), type.__ror__(int, str))
for e in ['int | 3', '3 | int', 'int.__or__(3)', 'isinstance(1, int | list[int])', 'issubclass(int, 3)']:
    try:
        print(e, '->', repr(eval(e)))
    except Exception as x:
        print(e, '!!', type(x).__name__, x)
