# Error messages name a native type by its full name (CPython's tp_name: 'collections.deque', '_io.StringIO',
# 'types.SimpleNamespace'), attribute errors included.
import collections, itertools, io, types, functools, operator, re, array, weakref
objs = [collections.deque(), itertools.count(), io.StringIO(), iter([]), {}.keys(), (x for x in []),
        types.SimpleNamespace(), functools.partial(print), operator.itemgetter(1), re.compile("a"),
        re.match("a", "a"), array.array("i"), 5, "s", None, object(), len, [].append, (lambda: 0)]
for o in objs:
    for action in ("get", "set", "del"):
        try:
            if action == "get": o.foo
            elif action == "set": o.foo = 1
            else: del o.foo
            print(action, "ok")
        except (AttributeError, TypeError) as e: print(action, type(e).__name__, e)
for o in objs[:8]:
    for op in (lambda o: o + 1, lambda o: o[0], lambda o: o(), lambda o: len(o), lambda o: iter(o), lambda o: -o, lambda o: o < 1, lambda o: hash(o) and 0):
        try: op(o); print("ok")
        except Exception as e: print(type(e).__name__, e)
