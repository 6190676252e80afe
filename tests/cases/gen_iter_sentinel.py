# iter(callable, sentinel) and next() with a default, on generators and other iterators.
data = [3, 2, 1, 0, 5]
it = iter(data.pop, 0)
print(type(it).__name__, iter(it) is it, list(it), data)
count = 0
def tick():
    global count
    count += 1
    if count > 10:
        raise StopIteration
    return count
print(list(iter(tick, 4)), list(iter(tick, -1)), list(iter(tick, -1)))
try:
    iter(5, 1)
except TypeError as e:
    print(e)
def gen():
    yield 1
    yield 2
g = gen()
print(list(iter(lambda: next(g, None), None)))
print(next(iter([]), "empty"), next(iter("ab"), None), next((x for x in []), "no items"))
it = iter({"k": 1})
print(next(it), next(it, "done"), next(it, "still done"))
try:
    next([1, 2])
except TypeError as e:
    print(e)
try:
    next(iter(()))
except StopIteration as e:
    print("StopIteration", e.args)
