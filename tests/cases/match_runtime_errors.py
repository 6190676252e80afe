# Class and mapping patterns' runtime checks, with CPython's messages; MATCH_SELF builtins; custom mappings
# and sequences through the collections.abc-style flags.
class NoArgs:
    pass

class BadArgs:
    __match_args__ = ["a"]

class NonStr:
    __match_args__ = (1,)

class Two:
    __match_args__ = ("a", "b")
    def __init__(self):
        self.a, self.b = 1, 2

class Keys:
    A = "a"
    B = "a"

def attempt(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

def not_a_type(x):
    f = len
    match x:
        case f():
            return "called"
    return "no"

def too_many(x):
    match x:
        case NoArgs(1):
            return "yes"
    return "no"

def list_args(x):
    match x:
        case BadArgs(1):
            return "yes"
    return "no"

def nonstr(x):
    match x:
        case NonStr(1):
            return "yes"
    return "no"

def repeated(x):
    match x:
        case Two(1, a=1):
            return "yes"
    return "no"

def missing_attr(x):
    match x:
        case Two(c=1):
            return "yes"
    return "no"

def dup_keys(x):
    match x:
        case {Keys.A: 1, Keys.B: 2}:
            return "yes"
    return "no"

attempt("not a type", lambda: not_a_type(1))
attempt("too many", lambda: too_many(NoArgs()))
attempt("list __match_args__", lambda: list_args(BadArgs()))
attempt("non-str __match_args__", lambda: nonstr(NonStr()))
attempt("repeated", lambda: repeated(Two()))
attempt("missing attr", lambda: missing_attr(Two()))
attempt("duplicate keys", lambda: dup_keys({"a": 1}))
attempt("not an instance", lambda: too_many(3))

def self_match(x):
    match x:
        case int(v) | str(v) | bytes(v) | list(v) | dict(v) | tuple(v) | float(v) | bool(v) | set(v) | frozenset(v):
            return ("self", type(v).__name__, v)
    return "none"

for v in [1, "s", b"b", [1], {"k": 1}, (1,), 1.5, True, {2}, frozenset({3}), None]:
    print(self_match(v))

class Defaulting(dict):
    def __missing__(self, key):
        return "created"

def mapping(x):
    match x:
        case {"present": p, **rest}:
            return ("present", p, rest)
        case {"other": _}:
            return "other"
    return "none"

d = Defaulting(present=1, extra=2)
print(mapping(d), sorted(d))
print(mapping(Defaulting(x=1)))
print(mapping("present"))

def sequences(x):
    match x:
        case [a, b, *rest]:
            return ("seq", a, b, rest)
        case []:
            return "empty"
    return "not a sequence"

for v in [[1, 2, 3], (1, 2), range(5), "ab", b"ab", {1: 2, 3: 4}, [], iter([1, 2])]:
    print(type(v).__name__, sequences(v))
