# A suspended generator that becomes garbage is closed: GeneratorExit is thrown in, its finally blocks and
# except GeneratorExit handlers run. Finished and never-started generators have nothing to run.
import gc


def counter(name):
    try:
        n = 0
        while True:
            yield n
            n += 1
    finally:
        print("finally of", name)


def catcher():
    try:
        yield 1
    except GeneratorExit:
        print("caught GeneratorExit")
        raise


def outer():
    try:
        yield from counter("inner")
    finally:
        print("finally of outer")


def start(gen_fn, *args):
    g = gen_fn(*args)
    print("first value", next(g))


start(counter, "a")
gc.collect()
print("after a")
start(catcher)
gc.collect()
print("after catcher")
start(outer)
gc.collect()
print("after outer")


def unstarted():
    counter("never started")


unstarted()


def exhausted():
    for v in catcher():
        print("got", v)


exhausted()
gc.collect()
print("done")
