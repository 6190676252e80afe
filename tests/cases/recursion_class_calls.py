# How deep recursion goes before RecursionError when each level passes through a class call or a builtin.
# CPython counts one level for a class call (type_call through _PyObject_MakeTpCall) plus one for __init__'s
# frame, and nothing for builtin types and functions called through vectorcall (list(), map()).
import sys

depth = 0


def measure(label, start):
    global depth
    depth = 0
    try:
        start()
    except RecursionError as e:
        print(label, depth, type(e).__name__)
    else:
        print(label, "no error")


class Init:
    def __init__(self):
        global depth
        depth += 1
        Init()


class New:
    def __new__(cls):
        global depth
        depth += 1
        return New()


class InitWithArgs:
    def __init__(self, a, *, b=2):
        global depth
        depth += 1
        InitWithArgs(a + 1, b=b)


def through_map():
    global depth
    depth += 1
    list(map(lambda _: through_map(), [1]))


def through_class_in_map():
    global depth
    depth += 1
    list(map(Holder, [1]))


class Holder:
    def __init__(self, _):
        through_class_in_map()


def plain():
    global depth
    depth += 1
    plain()


measure("plain", plain)
measure("__init__", Init)
measure("__new__", New)
measure("__init__ with arguments", lambda: InitWithArgs(0))
measure("map", through_map)
measure("class in map", through_class_in_map)

# exec and eval near the limit: CPython's exact depth there depends on when its adaptive interpreter specializes
# the call, so only the error and the recovery are printed.
def through_exec():
    exec("through_exec()")


def through_eval():
    eval("through_eval()")


for label, fn in (("exec", through_exec), ("eval", through_eval)):
    try:
        fn()
    except RecursionError as e:
        print(label, type(e).__name__)
    print(label, "afterwards", eval("1 + 1"), sys.getrecursionlimit())

# A lower limit applies to all of them alike.
sys.setrecursionlimit(100)
measure("__init__ at limit 100", Init)
measure("plain at limit 100", plain)
