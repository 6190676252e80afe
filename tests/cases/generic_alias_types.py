# types.GenericAlias as typing and collections.abc use it: construction, subclassing, substitution of type
# variables, attribute forwarding, pickling shape, and its errors.


GA = type(list[int])  # types.GenericAlias
print(GA, type(list[int]) is GA)
a = GA(list, (int,))
print(a, a == list[int], a.__origin__, a.__args__, a.__parameters__)
print(GA(dict, str), GA(tuple, ()), tuple[int, ...])
print(list[int].append is list.append, list[int].__name__)
print(hash(list[int]) == hash(list[int]), list[int] != list[str])
print(list[int]([1, 2]), dict[str, int](a=1))


class Alias(GA):
    __slots__ = ()

    def __repr__(self):
        return "Alias:" + super().__repr__()


b = Alias(list, (int,))
print(repr(b), type(b).__name__, isinstance(b, GA), b == list[int])


class Var:
    """A stand-in type variable: substitution calls __typing_subst__."""

    def __init__(self, name):
        self.name = name

    def __typing_subst__(self, arg):
        return arg

    def __repr__(self):
        return "~" + self.name


T, U = Var("T"), Var("U")
g = dict[T, list[U]]
print(g, g.__parameters__)
print(g[str, int], list[T][int], type(list[T][int]) is GA)
for bad in ([int, str, float], [int]):
    try:
        print(g[tuple(bad)])
    except TypeError as e:
        print("TypeError:", e)
try:
    list[int][int]
except TypeError as e:
    print("TypeError:", e)
try:
    isinstance([], list[int])
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(list, list[int])
except TypeError as e:
    print("TypeError:", e)
try:
    GA(list)
except TypeError as e:
    print("TypeError:", e)
try:
    GA(list, int, x=1)
except TypeError as e:
    print("TypeError:", e)


class MyList(list[int]):
    pass


print(MyList.__bases__, MyList.__orig_bases__, list[int].__mro_entries__(()))
print(list[int].__reduce__())
print(*tuple[int, str], list(iter(tuple[int]))[0].__unpacked__, list[int].__unpacked__)
print(list[int] | None, int | list[str])
print([x for x in ("__origin__", "__args__", "__parameters__") if x in dir(list[int])])
