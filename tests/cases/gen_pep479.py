# PEP 479: StopIteration raised inside a generator becomes RuntimeError.
def bad():
    yield 1
    raise StopIteration("inner")


g = bad()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError:", e)
    print("cause:", type(e.__cause__).__name__, e.__cause__)
    print("context is cause:", e.__context__ is e.__cause__, e.__suppress_context__)
print(next(g, "finished"))


def leaks_next():
    it = iter([1])
    while True:
        yield next(it)


try:
    print(list(leaks_next()))
except RuntimeError as e:
    print("list:", e)


def ok_return():
    yield 1
    return 2


print(list(ok_return()))


def running():
    yield me.gi_running
    try:
        next(me)
    except ValueError as e:
        yield "ValueError: " + str(e)


me = running()
print(next(me), next(me))


def send_self():
    yield me2.send(None)


me2 = send_self()
try:
    next(me2)
except ValueError as e:
    print(e)
print(next(me2, "over"))
