# The errors for storing and deleting items where a type has no way to: CPython words a deletion by the path it
# took (an index into a type with sequence methods fails in PySequence_DelItem, "doesn't"; anything else in
# PyObject_DelItem, "does not"); a class that defines only __setitem__ or only __delitem__ fails with a bare
# AttributeError naming the other; mappingproxy is read-only and shows no __setitem__/__delitem__ at all.
import types


class A:
    pass


class S:
    def __getitem__(self, i):
        return i


class SetOnly:
    def __setitem__(self, k, v):
        print("set", k, v)


class DelOnly:
    def __delitem__(self, k):
        print("del", k)


class Index:
    def __index__(self):
        return 0

    def __repr__(self):
        return "Index()"


objects = (1, A(), S(), "abc", (1,), frozenset(), types.MappingProxyType({}), b"x", range(3), iter([]),
           type.__dict__["__dict__"].__get__(int), SetOnly(), DelOnly(), None, 1.5)
for obj in objects:
    for key in (0, "k", Index(), True):
        for action in ("del", "set"):
            try:
                if action == "del":
                    del obj[key]
                else:
                    obj[key] = 1
            except (TypeError, AttributeError) as e:
                print(type(obj).__name__, action, type(key).__name__, type(e).__name__, e)

proxy = types.MappingProxyType({"a": 1})
print([name for name in ("__setitem__", "__delitem__", "update", "pop", "__getitem__", "get")
       if hasattr(proxy, name)])
print(proxy["a"], proxy.get("b"), len(proxy), "a" in proxy)
