# Special methods that recurse forever raise RecursionError, the program catches it and goes on.
class Loops:
    def __repr__(self):
        return repr(self)

    def __str__(self):
        return str(self)

    def __eq__(self, other):
        return self == other

    def __lt__(self, other):
        return self < other

    def __hash__(self):
        return hash(self)

    def __len__(self):
        return len(self)

    def __getattr__(self, name):
        return getattr(self, name)

    def __iter__(self):
        return iter(self)

    def __bool__(self):
        return bool(self)

    def __call__(self):
        return self()

    def __getitem__(self, i):
        return self[i]

    @property
    def prop(self):
        return self.prop


class Wrapper:
    def __init__(self, inner):
        self.inner = inner

    def __repr__(self):
        return f"Wrapper({self.inner!r})"


x = Loops()
checks = [
    ("repr", lambda: repr(x)),
    ("str", lambda: str(x)),
    ("print", lambda: print(x)),
    ("eq", lambda: x == 1),
    ("lt", lambda: x < 1),
    ("hash", lambda: hash(x)),
    ("dict key", lambda: {x: 1}),
    ("len", lambda: len(x)),
    ("getattr", lambda: x.missing),
    ("iter", lambda: iter(x)),
    ("for", lambda: [i for i in x]),
    ("bool", lambda: bool(x)),
    ("if", lambda: 1 if x else 0),
    ("call", lambda: x()),
    ("getitem", lambda: x[0]),
    ("property", lambda: x.prop),
    ("wrapped repr", lambda: repr(Wrapper(x))),
]
for name, fn in checks:
    try:
        fn()
        print(name, "returned")
    except RecursionError:
        print(name, "RecursionError")

w = None
for i in range(5000):
    w = Wrapper(w)
try:
    repr(w)
except RecursionError:
    print("nested wrappers RecursionError")


def mutual_a(n):
    return mutual_b(n + 1)


def mutual_b(n):
    return mutual_a(n + 1)


try:
    mutual_a(0)
except RecursionError as e:
    print("mutual:", e)


def gen(n):
    yield from gen(n + 1)


try:
    next(gen(0))
except RecursionError:
    print("yield from RecursionError")
print("done")
