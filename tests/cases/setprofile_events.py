# sys.setprofile: 'call'/'return' for Python frames and 'c_call'/'c_return'/'c_exception' for builtin functions
# and methods (a method called on its object is reported bound), as CPython 3.11 delivers them.
import sys

def describe(arg):
    if arg is None or isinstance(arg, (int, str)):
        return repr(arg)
    name = getattr(arg, '__name__', None)
    if name is not None:
        owner = getattr(arg, '__self__', None)
        return name if owner is None or type(owner).__name__ == 'module' else f"{type(owner).__name__}.{name}"
    return type(arg).__name__

def prof(frame, event, arg):
    print(event, frame.f_code.co_name, frame.f_lineno, describe(arg))

def work(xs):
    xs.append(len(xs))
    s = sorted(xs, key=lambda v: -v)
    try:
        int("x")
    except ValueError:
        pass
    d = dict(a=1)
    d.update(b=2)
    return sum(s) + len(d)

def gen():
    yield 1
    yield 2

sys.setprofile(prof)
work([3, 1])
list(gen())
try:
    divmod(1, 0)
except ZeroDivisionError:
    pass
print(sys.getprofile() is prof)
sys.setprofile(None)
print(sys.getprofile())

# a profile function that raises is removed
def broken(frame, event, arg):
    raise RuntimeError("profiler broke on " + event)
def victim():
    return 1
sys.setprofile(broken)
try:
    victim()
except RuntimeError as e:
    print(e, sys.getprofile())

# tracing and profiling together: the profile function sees no 'line' events
def tracer(frame, event, arg):
    print("trace", event, frame.f_code.co_name)
    return tracer
def prof2(frame, event, arg):
    print("prof", event, frame.f_code.co_name, describe(arg))
def both():
    return abs(-3)
sys.settrace(tracer)
sys.setprofile(prof2)
both()
sys.setprofile(None)
sys.settrace(None)
