# Tier 2: generators, yield from, send, generator expressions, set/dict comprehensions.
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
def chain(*its):
    for it in its:
        yield from it
def echo():
    received = yield "ready"
    while True:
        received = yield "got " + str(received)
print(list(count_up(5)), list(chain([1, 2], "ab", count_up(2))))
g = echo()
print(next(g), g.send(1), g.send("two"))
print(sum(x * x for x in range(10)), {x % 3 for x in range(10)}, {k: len(k) for k in ["a", "bb"]})
it = iter([1, 2])
print(next(it), next(it), next(it, "done"))
