# gen.close(), GeneratorExit, try/finally in generators.
def g():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
    finally:
        print("cleanup")


x = g()
print(next(x))
print(x.close())
print(x.close())
print(next(x, "closed"))

y = g()
print(y.close())
print(next(y, "never started"))


def ignores():
    try:
        yield 1
    except GeneratorExit:
        print("ignoring")
    yield 2
    print("finishing")


z = ignores()
next(z)
try:
    z.close()
except RuntimeError as e:
    print("RuntimeError:", e)
print(next(z, "finished"))


def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return "ignored value"


r = returns_on_exit()
next(r)
print(r.close())


def raises_other():
    try:
        yield 1
    except GeneratorExit:
        raise ValueError("from close")


o = raises_other()
next(o)
try:
    o.close()
except ValueError as e:
    print("close raised", e, type(e.__context__).__name__)


def finally_yield():
    try:
        yield "a"
    finally:
        print("in finally")


for v in finally_yield():
    print(v)
print(issubclass(GeneratorExit, Exception), issubclass(GeneratorExit, BaseException))
