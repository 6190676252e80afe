# BaseException refuses ill-typed __context__/__cause__/__traceback__ and deleting its fields, as CPython does
# (an int __context__ crashed minipy when the next exception chained onto it).
e = Exception()
for attr, value in (("__context__", 5), ("__cause__", 5), ("__traceback__", 5), ("args", 5)):
    try:
        setattr(e, attr, value)
        print(attr, "set")
    except TypeError as err:
        print(attr, err)
for attr in ("__context__", "__cause__", "__traceback__", "args", "__suppress_context__"):
    try:
        delattr(e, attr)
        print(attr, "deleted")
    except (TypeError, AttributeError) as err:
        print(attr, type(err).__name__, err)
try:
    raise ValueError
except ValueError as v:
    try:
        v.__context__ = 5
    except TypeError:
        pass
    try:
        raise KeyError(1)
    except KeyError as k:
        print(type(k.__context__).__name__)
try:
    Exception().with_traceback(5)
except TypeError as err:
    print(err)
print(Exception().with_traceback(None).__traceback__)
try:
    1 / 0
except ZeroDivisionError as z:
    tb = z.__traceback__
    print(KeyError().with_traceback(tb).__traceback__ is tb)
