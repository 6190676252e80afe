# The float clocks convert their nanosecond reading as CPython's _PyTime_AsSecondsDouble does (ns / 1e9, correctly
# rounded), not ns * 1e-9: for clocks small enough that the nanoseconds are recoverable, round(t * 1e9) / 1e9 == t.
import time

for name in ('monotonic', 'perf_counter', 'process_time', 'thread_time'):
    clock = getattr(time, name)
    ok = True
    for _ in range(3000):
        t = clock()
        if t * 1e9 < 2**52 and round(t * 1e9) / 1e9 != t:
            ok = False
    print(name, ok)
print(type(time.time()).__name__, abs(time.time() - time.time_ns() / 1e9) < 5)
