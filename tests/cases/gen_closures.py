# Generators with closures and cells: nonlocal updates, generators created in loops, shared state.
def make_counter_gen():
    count = 0

    def gen():
        nonlocal count
        while True:
            count += 1
            yield count

    def peek():
        return count

    return gen, peek


gen, peek = make_counter_gen()
a, b = gen(), gen()
print(next(a), next(a), next(b), peek())


def cell_in_gen(n):
    results = []

    def record(v):
        results.append(v)

    for i in range(n):
        record(i * 10)
        yield list(results)


print(list(cell_in_gen(3)))


def generators_in_loop():
    out = []
    for k in range(3):
        out.append((k * v for v in range(2)))
    return [list(g) for g in out]


print(generators_in_loop())


def captured():
    base = 100
    g = (base + i for i in range(3))
    base = 200
    return list(g)


print(captured())


def gen_with_inner_func(words):
    def shout(w):
        return w.upper() + "!"

    for w in words:
        yield shout(w)


print(list(gen_with_inner_func(["hey", "you"])))


def fib_memo():
    memo = {0: 0, 1: 1}

    def fib(n):
        if n not in memo:
            memo[n] = fib(n - 1) + fib(n - 2)
        return memo[n]

    n = 0
    while True:
        yield fib(n)
        n += 1


f = fib_memo()
print([next(f) for _ in range(15)])
