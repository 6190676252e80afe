class Countdown:
    def __init__(self, start):
        self.n = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


print(list(Countdown(3)))
for x in Countdown(2):
    print("tick", x)
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))
try:
    next(Countdown(0))
except StopIteration:
    print("StopIteration raised")


class Bag:
    def __init__(self, *items):
        self.items = items

    def __iter__(self):
        return iter(self.items)


print(sorted(Bag(3, 1, 2)), sum(Bag(1, 2, 3)), max(Bag(4, 9, 2)), 2 in Bag(1, 2))
print(dict(zip(Bag("a", "b"), Bag(1, 2))), list(enumerate(Bag("x", "y"))))
print(*Bag(1, 2, 3))


class RangeIter:
    def __iter__(self):
        return iter(range(3))


print(list(RangeIter()), tuple(RangeIter()))


class BadIter:
    def __iter__(self):
        return 5


try:
    iter(BadIter())
except TypeError as e:
    print("TypeError:", e)


class NotIterable:
    pass


try:
    for _ in NotIterable():
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    next(NotIterable())
except TypeError as e:
    print("TypeError:", e)
