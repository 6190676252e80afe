# Implicit exception chaining (__context__) when the chain already holds a cycle, or would form one: raising must
# neither hang nor lose the chain, and the context is always the exception being handled.
import traceback


def cycle_on_handled():
    # The handled exception is its own context; raising another one must stop walking that chain.
    try:
        raise ValueError(1)
    except ValueError as ex:
        ex.__context__ = ex
        raise TypeError(2)


try:
    cycle_on_handled()
except Exception as e:
    print(type(e).__name__, type(e.__context__).__name__, e.__context__.__context__ is e.__context__)


class A(Exception): pass
class B(Exception): pass
class C(Exception): pass
class D(Exception): pass
class E(Exception): pass


def longer_cycle():
    # E -> D -> C -> B -> A -> C: a cycle further down the chain.
    try:
        raise A()
    except A as a_:
        a = a_
        try:
            raise B()
        except B as b_:
            b = b_
            try:
                raise C()
            except C as c_:
                c = c_
                a.__context__ = c
                try:
                    raise D()
                except D as d_:
                    raise E()


try:
    longer_cycle()
except E as e:
    chain = []
    x = e
    for _ in range(7):
        chain.append(type(x).__name__)
        x = x.__context__
    print(" -> ".join(chain))

# A context set by hand is replaced by the exception being handled.
try:
    try:
        raise ValueError("handled")
    except ValueError:
        t = TypeError("raised")
        t.__context__ = KeyError("by hand")
        raise t
except TypeError as t:
    print(repr(t.__context__))

# Re-raising an exception that is already in the handled exception's chain cuts the chain there.
try:
    try:
        first = ValueError("first")
        raise first
    except ValueError:
        try:
            raise KeyError("second")
        except KeyError:
            raise first
except ValueError as v:
    print(v is first, repr(v.__context__), repr(v.__context__.__context__))

# traceback prints a cyclic chain once.
try:
    longer_cycle()
except E as e:
    lines = traceback.format_exception(e)
    print(sum("During handling" in line for line in lines), lines[-1].strip())

# Uncaught: the interpreter's own report of a cyclic chain.
longer_cycle()
