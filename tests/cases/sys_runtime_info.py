# sys's runtime attributes: stdlib_module_names, the switch interval, thread_info, _current_frames, the dlopen
# flags, getallocatedblocks and call_tracing, with CPython's validation and messages.
import sys


def report(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__, e)


names = sys.stdlib_module_names
print(type(names).__name__, len(names) > 200)
print(sorted(n for n in names if n.startswith(("json", "re", "_co", "sys", "gc", "ast"))))
print("builtins are stdlib", all(n in names for n in ("sys", "builtins", "gc", "math")))

print(sys.getswitchinterval())
for value in (0.01, 1e-6, 2.5e-6, 1e-7, 3, True, 1e300, float("inf"), float("nan")):
    report("setswitchinterval(%r)" % (value,), lambda: (sys.setswitchinterval(value), sys.getswitchinterval())[1])
for value in (0, -1, 0.0, "a", None):
    report("setswitchinterval(%r)" % (value,), lambda: sys.setswitchinterval(value))
report("setswitchinterval()", lambda: sys.setswitchinterval())
sys.setswitchinterval(0.005)

info = sys.thread_info
print(type(info).__name__, len(info), info.name, info.lock, info[0], type(info.version).__name__)
print(repr(info).startswith("sys.thread_info(name='pthread', lock='semaphore', version="))

import threading

frames = sys._current_frames()
print(list(frames) == [threading.get_ident()], frames[threading.get_ident()] is sys._getframe())


def inner():
    return sys._current_frames()[threading.get_ident()].f_code.co_name


print(inner())

print(sys.getdlopenflags())
for value in (0, 258, -1, "x", 2 ** 40):
    report("setdlopenflags(%r)" % (value,), lambda: (sys.setdlopenflags(value), sys.getdlopenflags())[1])
sys.setdlopenflags(2)
blocks = sys.getallocatedblocks()
print(type(blocks).__name__, blocks > 0)
report("getallocatedblocks(1)", lambda: sys.getallocatedblocks(1))

print(sys.call_tracing(max, (3, 9, 4)))
print(sys.call_tracing(lambda *a: a, ()))
report("call_tracing(len, [1])", lambda: sys.call_tracing(len, [1]))
report("call_tracing(len)", lambda: sys.call_tracing(len))
report("call_tracing(1, ())", lambda: sys.call_tracing(1, ()))
