# gen.throw(): handled inside, propagated, into fresh and finished generators.
def worker():
    while True:
        try:
            x = yield "waiting"
            print("got", x)
        except ValueError as e:
            print("handled ValueError:", e)
            yield "recovered"


w = worker()
print(next(w))
print(w.throw(ValueError("bad")))
print(next(w))
print(w.send(7))
print(w.throw(ValueError, "as class"))
print(next(w))
try:
    w.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
print(next(w, "exhausted"))


def fresh():
    print("never runs")
    yield 1


f = fresh()
try:
    f.throw(RuntimeError("early"))
except RuntimeError as e:
    print("fresh:", e)
print(next(f, "done"))


def cleanup():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")


c = cleanup()
next(c)
try:
    c.throw(IndexError)
except IndexError as e:
    print("IndexError", e.args)

try:
    c.throw(IndexError("after"))
except IndexError as e:
    print("finished gen re-raises", e)


def catch_all():
    try:
        yield 1
    except Exception as e:
        print("caught", type(e).__name__, e)
        return "result"


g = catch_all()
next(g)
try:
    g.throw(TypeError("oops"))
except StopIteration as e:
    print("StopIteration with", e.value)

try:
    catch_all().throw(1)
except TypeError as e:
    print(e)
try:
    catch_all().throw(ValueError("x"), "y")
except TypeError as e:
    print(e)
