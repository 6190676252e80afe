# The native _lsprof module under cProfile and pstats: call counts (primitive and recursive), builtin functions and
# methods keyed and named as CPython's, subcalls, getstats' struct sequences, a custom timer with timeunit,
# enable/disable/clear, Profile as a context manager and runcall. Times vary, so they are checked for shape only.
import cProfile, pstats, io, re, _lsprof

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def work():
    items = []
    for i in range(8):
        items.append(fib(i))
    items.sort()
    return len(items), max(items), sum(map(abs, items))

def report(profile, *keys):
    out = io.StringIO()
    pstats.Stats(profile, stream=out).strip_dirs().sort_stats(*keys).print_stats()
    for line in out.getvalue().splitlines():
        print(re.sub(r"\d+\.\d{3}", "T", line).rstrip())

p = cProfile.Profile()
p.enable()
work()
p.disable()
report(p, "calls", "name")
p = cProfile.Profile(builtins=False)
with p:
    work()
report(p, "name")
p = cProfile.Profile()
print(p.runcall(fib, 6))
stats = p.getstats()
print(sorted((type(e.code).__name__, e.callcount, e.reccallcount, isinstance(e.totaltime, float),
              e.calls is None or all(type(s).__name__ == "profiler_subentry" for s in e.calls)) for e in stats))
print(type(stats[0]).__name__, stats[0]._fields if hasattr(stats[0], "_fields") else len(stats[0]))
ticks = iter(range(0, 10**6, 7))
p = _lsprof.Profiler(lambda: next(ticks), 0.5)
p.enable()
fib(3)
p.disable()
for e in sorted(p.getstats(), key=lambda e: str(e.code)):
    print(e.code if isinstance(e.code, str) else e.code.co_name, e.callcount, e.reccallcount, e.totaltime, e.inlinetime)
p.clear()
print(p.getstats())
import sys
sys.unraisablehook = lambda u: print("unraisable", u.exc_type.__name__, u.object.__name__)
p = _lsprof.Profiler(lambda: 1 / 0)
p.enable(); fib(1); p.disable()
print([(e.callcount, e.totaltime) for e in p.getstats()])
p = cProfile.Profile(subcalls=False)
p.enable(); work(); p.disable()
print(all(e.calls is None for e in p.getstats()))
print(_lsprof.Profiler.__module__ if hasattr(_lsprof.Profiler, "__module__") else None, _lsprof.Profiler)
p = cProfile.Profile()
p.enable()
print(sys.getprofile() is p)
p.disable()
print(sys.getprofile())
# Calls through f(*args, **kwargs) give builtins their C-call events too.
def show(frame, event, arg):
    if event.startswith("c_"):
        print(event, getattr(arg, "__qualname__", arg))
sys.setprofile(show)
max([0, 3], **dict(key=abs))
print(*[1, 2], sep="-")
list.append(*[[], 1])
sys.setprofile(None)
p = cProfile.Profile()
p.enable()
max(*[[1, 2]], **{"key": abs})
p.disable()
print(sorted(str(e.code) for e in p.getstats() if isinstance(e.code, str)))
