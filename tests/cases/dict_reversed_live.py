# reversed() of a dict and of its views is a live iterator from the last entry back (CPython's
# dict_reverse*iterator types): its type names, length hints, pickling, and the size-change error, which stays
# raised once seen.
import pickle

d = {"a": 1, "b": 2, "c": 3}
for it in (reversed(d), reversed(d.keys()), reversed(d.values()), reversed(d.items())):
    print(type(it).__name__, it.__length_hint__(), list(it), it.__length_hint__())

it = reversed(d)
print(next(it), it.__length_hint__())
print(pickle.loads(pickle.dumps(it)) is not it, list(pickle.loads(pickle.dumps(it))))
print(it.__reduce__()[0] is iter, it.__reduce__()[1])
print(list(it))

# Growing or shrinking the dict while iterating raises, and keeps raising.
for change in (lambda: d.__setitem__("z", 26), lambda: d.pop("a")):
    d = {"a": 1, "b": 2, "c": 3}
    it = reversed(d)
    next(it)
    change()
    for _ in range(2):
        try:
            next(it)
        except RuntimeError as e:
            print("RuntimeError", e)
    print(it.__length_hint__())

# A value changed in place is seen; deleting and re-adding at the same size is not an error.
d = {1: "x", 2: "y", 3: "z"}
it = reversed(d.items())
print(next(it))
d[2] = "Y"
print(next(it))
d = {i: i for i in range(8)}
it = reversed(d)
print(next(it))
del d[0]
d[100] = 100
print(list(it))

# Deleted entries are skipped; an empty dict's iterator is exhausted at once.
d = {i: str(i) for i in range(6)}
del d[4], d[1]
print(list(reversed(d)), list(reversed(d.values())), list(reversed({})))
try:
    reversed(d).__reversed__
except AttributeError as e:
    print("AttributeError", e)
try:
    d.__reversed__(1)
except TypeError as e:
    print("TypeError", e)
for view in (d.keys(), d.values(), d.items()):
    try:
        view.__reversed__(1)
    except TypeError as e:
        print("TypeError", e)
