# __context__, __cause__, raise ... from ..., suppress_context.
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise ValueError("converted") from z
except ValueError as v:
    print(repr(v.__cause__), repr(v.__context__), v.__suppress_context__)
try:
    try:
        {}["k"]
    except KeyError:
        raise TypeError("during handling")
except TypeError as t:
    print(repr(t.__context__), t.__cause__, t.__suppress_context__)
try:
    try:
        raise IndexError("i")
    except IndexError:
        raise RuntimeError("no context") from None
except RuntimeError as r:
    print(repr(r.__context__), r.__cause__, r.__suppress_context__)
try:
    raise ValueError("x") from KeyError
except ValueError as v:
    print(repr(v.__cause__))
try:
    raise ValueError from 5
except TypeError as t:
    print("TypeError:", t)
e1 = ValueError("one")
try:
    try:
        raise e1
    except ValueError:
        raise e1
except ValueError as again:
    print(again is e1, again.__context__)


def deep():
    try:
        raise KeyError("a")
    except KeyError:
        try:
            raise IndexError("b")
        except IndexError:
            raise ValueError("c")


try:
    deep()
except ValueError as v:
    chain = []
    c = v
    while c is not None:
        chain.append(repr(c))
        c = c.__context__
    print(" <- ".join(chain))
