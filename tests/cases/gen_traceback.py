# An uncaught exception raised in nested generators: the traceback shows every frame as CPython does.
def level2(n):
    for i in range(n):
        yield 10 // (n - 1 - i)


def level1():
    yield from level2(3)


def consume():
    total = 0
    for v in level1():
        total += v
    return total


print("start")
consume()
