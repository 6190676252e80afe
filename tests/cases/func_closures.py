# Closures, nonlocal, lambdas, late binding, decorators (functions only).
def counter():
    n = 0

    def inc(step=1):
        nonlocal n
        n += step
        return n

    return inc


c = counter()
print(c(), c(), c(5), counter()())
adders = [lambda x, i=i: x + i for i in range(3)]
late = [lambda: i for i in range(3)]
print([f(10) for f in adders], [f() for f in late])


def make_multiplier(k):
    return lambda x: x * k


double, triple = make_multiplier(2), make_multiplier(3)
print(double(7), triple("ab"), (lambda: "noargs")(), (lambda *a, **k: (a, k))(1, b=2))


def outer():
    x = "outer"

    def middle():
        def inner():
            return x

        return inner()

    x = "rebound"
    return middle()


print(outer())


def trace(func):
    def wrapper(*args, **kwargs):
        print(f"calling {func.__name__}{args}{kwargs}")
        result = func(*args, **kwargs)
        print(f"{func.__name__} returned {result!r}")
        return result

    return wrapper


def repeat(times):
    def decorate(func):
        def run(*args):
            return [func(*args) for _ in range(times)]

        return run

    return decorate


@trace
def add(a, b=0):
    return a + b


@repeat(3)
@trace
def hello(name):
    return "hi " + name


add(1, b=2)
print(hello("bob"))
print(add.__name__, hello.__name__, add.__qualname__)


def accumulate():
    total = []

    def push(v):
        total.append(v)
        return len(total)

    def get():
        return total

    return push, get


push, get = accumulate()
push(1)
push("two")
print(get())


def shadow():
    x = 1

    def f():
        x = 2
        return x

    f()
    return x


print(shadow())
g_value = "global"


def uses_global():
    global g_value
    g_value = "changed"


uses_global()
print(g_value)


def unbound_free():
    def inner():
        return v

    try:
        inner()
    except NameError as e:
        print("NameError:", e)
    v = 1
    return inner()


print(unbound_free())
compose = lambda f, g: lambda x: f(g(x))
print(compose(str, abs)(-4), sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
