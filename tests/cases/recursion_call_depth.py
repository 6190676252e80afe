# How deep recursion goes before RecursionError, and its message, when Python code is called back from native
# code: CPython's call of a Python function (or of a method bound to one) counts nothing itself, only the frame
# it starts counts, so recursion through map() or a sort key goes as deep as CPython's and __repr__/__str__
# recursion ends in the frame's plain message. (Where CPython counts native calls, its specialised CALL
# instructions count differently once warmed up, so this case prints messages only where they agree.)
import sys

depth = 0


def attempt(name, run):
    global depth
    depth = 0
    try:
        run()
        print(name, "no error")
    except RecursionError as e:
        print(name, depth, "|", e)


def through_map(n):
    global depth
    depth = n
    return list(map(through_map, [n + 1]))


def through_key(n):
    global depth
    depth = n
    return sorted([n + 1], key=through_key)


def plain(n):
    global depth
    depth = n
    plain(n + 1)


class Repr:
    def __repr__(self):
        return repr(self)


class Str:
    def __str__(self):
        return str(self)


class Call:
    def __call__(self):
        return self()


class Check(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, cls)


class Checked(metaclass=Check):
    pass


attempt("plain", lambda: plain(0))
# map() calls the function from native code: CPython reaches about the plain depth, minipy at least half of it.
try:
    through_map(0)
except RecursionError:
    print("map deep enough:", depth >= 490)
sys.setrecursionlimit(200)
attempt("plain at 200", lambda: plain(0))
attempt("repr", lambda: repr(Repr()))
attempt("str", lambda: str(Str()))
attempt("__call__", lambda: Call()())
attempt("__instancecheck__", lambda: isinstance(1, Checked))
