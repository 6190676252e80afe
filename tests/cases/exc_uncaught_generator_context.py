# A generator failing while its consumer handles another exception: the context chain crosses the generator.
def values():
    yield 1
    yield int("not a number")


def consume():
    it = values()
    print(next(it))
    try:
        raise KeyError("consumer state")
    except KeyError:
        print(next(it))


consume()
