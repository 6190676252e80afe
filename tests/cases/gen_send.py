# gen.send(): values flowing in, priming, sending to finished generators.
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total


acc = accumulator()
print(acc.send(None))
print(acc.send(5), acc.send(10), acc.send(-3))
try:
    acc.send(None)
except StopIteration as e:
    print("returned", e.value)
try:
    acc.send(1)
except StopIteration as e:
    print("finished", e.value, e.args)

fresh = accumulator()
try:
    fresh.send(3)
except TypeError as e:
    print("TypeError:", e)
print(next(fresh), fresh.send(2))


def echo():
    received = yield "ready"
    while True:
        received = yield f"got {received!r}"


e = echo()
print(next(e), e.send(1), e.send("two"), e.send([3]))


def averager():
    count = 0
    total = 0.0
    avg = None
    while True:
        term = yield avg
        total += term
        count += 1
        avg = total / count


a = averager()
next(a)
for v in (10, 20, 30, 45):
    print(a.send(v))


def returns_tuple():
    yield 1
    return (1, 2)


r = returns_tuple()
next(r)
try:
    next(r)
except StopIteration as e:
    print("tuple value", e.value, e.args)
