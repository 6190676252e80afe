# Errors from unpacking arguments in calls: CPython names the callable as module.qualname().
def f(**k):
    return k


def g(*a):
    return a


calls = [
    lambda: f(**{"a": 1}, **{"a": 2}),
    lambda: f(**5),
    lambda: g(*5),
    lambda: print(*5),
    lambda: len(**5),
    lambda: f(**{"a": 1}, **5),
    lambda: g(*None),
    lambda: f(**{"x": 1}, x=2),
]
for call in calls:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
print(f(**{"a": 1}, b=2), g(*"xy", *[1]), f(**dict(k=1)))
