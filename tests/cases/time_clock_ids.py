# time.clock_gettime/_ns, clock_getres, clock_settime/_ns and pthread_getcpuclockid with CPython's argument
# checks and errors (setting a clock needs privileges: only the refusals are compared).
import time, threading

a = time.clock_gettime(time.CLOCK_MONOTONIC)
b = time.monotonic()
print(type(a).__name__, abs(a - b) < 5)
ns = time.clock_gettime_ns(time.CLOCK_REALTIME)
print(type(ns).__name__, abs(ns / 1e9 - time.time()) < 5)
print(time.clock_getres(time.CLOCK_MONOTONIC), time.clock_getres(time.CLOCK_REALTIME))
print(time.CLOCK_MONOTONIC_RAW, time.CLOCK_TAI, time.CLOCK_BOOTTIME)
print(time.clock_gettime(time.CLOCK_PROCESS_CPUTIME_ID) >= 0)

def attempt(label, thunk):
    try:
        print(label, thunk())
    except Exception as e:
        print(label, type(e).__name__, e)

for arg in ["x", 1.5, 2**40, -2**40, -5, 12345, True]:
    attempt(f"clock_gettime({arg!r})", lambda: type(time.clock_gettime(arg)).__name__)
attempt("clock_getres(12345)", lambda: time.clock_getres(12345))
attempt("clock_gettime()", lambda: time.clock_gettime())
attempt("clock_gettime(clk_id=1)", lambda: time.clock_gettime(clk_id=1))
attempt("clock_gettime_ns(1, 2)", lambda: time.clock_gettime_ns(1, 2))
attempt("clock_settime str", lambda: time.clock_settime(time.CLOCK_MONOTONIC, "x"))
attempt("clock_settime huge float", lambda: time.clock_settime(time.CLOCK_REALTIME, 1e30))
attempt("clock_settime huge int", lambda: time.clock_settime(time.CLOCK_REALTIME, 10**30))
attempt("clock_settime nan", lambda: time.clock_settime(time.CLOCK_REALTIME, float("nan")))
attempt("clock_settime bad clock", lambda: time.clock_settime(99999, 1.0))
attempt("clock_settime_ns float", lambda: time.clock_settime_ns(time.CLOCK_REALTIME, 1.5))
attempt("clock_settime_ns bad clock", lambda: time.clock_settime_ns(99999, 10))
attempt("clock_settime one arg", lambda: time.clock_settime(1))
print(type(time.pthread_getcpuclockid(threading.get_ident())).__name__)
attempt("pthread_getcpuclockid('x')", lambda: time.pthread_getcpuclockid("x"))
