# list[int] and friends: the GenericAlias that __class_getitem__ of the builtin containers returns.
def f(x: list[int], y: 'str') -> dict[str, list[int]]:
    pass
print(f.__annotations__)
print(list[int], tuple[int, ...], tuple[()], set[frozenset[bytes]], type[int])
class A:
    pass
print(list[A], dict[str, A])
print(list[int] == list[int], list[int] == list[str], list[int] != dict[int], hash(list[int]) == hash(list[int]))
print(list[int].__origin__, dict[str, int].__args__, list[int].__parameters__)
print(list[int]([1, 2]), dict[str, int](a=1), list[int].append)
print(type(list[int]).__name__)
class L(list):
    pass
print(L[int])
try:
    int[str]
except TypeError as e:
    print(e)
