# Calling the type of an internal object (issue #12, item 2): CPython refuses the types that have no constructor
# ("cannot create 'X' instances") and builds the ones that have one (module, function, method, cell, the
# singletons' types). minipy once made zero-filled objects of them that crashed when used.
import sys
import types


def gen():
    yield 1


async def coro():
    pass


class C:
    def method(self):
        pass


def closure():
    x = 1
    return (lambda: x).__closure__[0]


coroutine = coro()
samples = [
    ("builtin_function_or_method", len),
    ("method_descriptor", str.join),
    ("dict_keys", {}.keys()),
    ("dict_values", {}.values()),
    ("dict_items", {}.items()),
    ("generator", gen()),
    ("coroutine", coroutine),
    ("list_iterator", iter([])),
    ("tuple_iterator", iter(())),
    ("str_ascii_iterator", iter("")),
    ("range_iterator", iter(range(1))),
    ("set_iterator", iter(set())),
    ("dict_keyiterator", iter({})),
    ("dict_valueiterator", iter({}.values())),
    ("dict_itemiterator", iter({}.items())),
    ("list_reverseiterator", reversed([])),
    ("callable_iterator", iter(int, 1)),
    ("frame", sys._getframe()),
]
coroutine.close()
for name, obj in samples:
    t = type(obj)
    try:
        made = t()
        print(name, "->", type(made).__name__)
    except TypeError as e:
        print(name, "->", "TypeError:", e)

# Types that do construct.
print(type(None)(), type(...)(), type(NotImplemented)())
print(types.ModuleType("m"), types.FunctionType(gen.__code__, {})().__class__.__name__)
print(types.MethodType(len, "abc")(), types.CellType(5).cell_contents, types.CellType().__class__.__name__)
print(type(closure())(7).cell_contents)
for bad in [lambda: types.MethodType(), lambda: types.MethodType(1, 2), lambda: types.MethodType(len, None),
            lambda: types.CellType(1, 2), lambda: type(...)(1), lambda: type(NotImplemented)(1),
            lambda: types.MethodType(len, 1, x=1), lambda: types.CellType(x=1), lambda: type(None)(1)]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError:", e)
