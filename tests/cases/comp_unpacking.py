# Star-unpacking in assignments, displays and calls.
first, *middle, last = range(6)
print(first, middle, last)
*init, tail = "abc"
print(init, tail)
head, *rest = [1]
print(head, rest)
(a, b), *c = [(1, 2), 3, 4]
print(a, b, c)
print([*"hi", *[1, 2]], (*range(2), 9), {*"aab"} == {"a", "b"}, {**{"k": 1}, **dict(j=2)})
t = 1, *[2, 3]
print(t)


def show(*args, **kwargs):
    return args, kwargs


print(show(*[1, 2], 3, *(4,), x=1, **{"y": 2}))
for i, (p, *q) in enumerate([(1, 2, 3), (4,)]):
    print(i, p, q)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c = [1]
except ValueError as e:
    print(e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(e)
try:
    a, b = 5
except TypeError as e:
    print(e)
