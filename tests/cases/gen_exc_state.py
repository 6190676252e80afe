# Exception state (sys.exc_info / bare raise / __context__) saved and restored across yields.
import sys


def handler_gen():
    try:
        raise ValueError("inside gen")
    except ValueError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]


g = handler_gen()
print(next(g))
print(sys.exc_info())
try:
    raise KeyError("outside")
except KeyError:
    print(next(g))
    print(sys.exc_info()[0].__name__)
print(next(g))


def reraiser():
    try:
        raise TypeError("original")
    except TypeError:
        yield "paused in except"
        raise


r = reraiser()
next(r)
try:
    raise IndexError("unrelated")
except IndexError:
    pass
try:
    next(r)
except TypeError as e:
    print("re-raised", e)


def context_gen():
    yield 1
    raise ValueError("from gen")


c = context_gen()
next(c)
try:
    raise KeyError("handling")
except KeyError:
    try:
        next(c)
    except ValueError as e:
        print("context:", repr(e.__context__))


def sees_outer():
    yield sys.exc_info()[0]


try:
    raise OSError("outer")
except OSError:
    print(next(sees_outer()))


def throw_target():
    try:
        raise ValueError("paused")
    except ValueError:
        yield 1


t = throw_target()
next(t)
try:
    t.throw(KeyError("thrown"))
except KeyError as e:
    print("thrown context:", repr(e.__context__))
