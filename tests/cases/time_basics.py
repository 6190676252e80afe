# The native time module: clock types and relations (never values), struct_time, conversions at fixed
# timestamps in UTC, strftime/asctime, and CPython's errors.
import time

print(type(time.time()).__name__, type(time.time_ns()).__name__, type(time.perf_counter_ns()).__name__)
a, b = time.monotonic(), time.monotonic()
print(a <= b, time.perf_counter() <= time.perf_counter(), time.process_time() >= 0)
print(abs(time.time() - time.time_ns() / 1e9) < 1)
t0 = time.monotonic()
time.sleep(0.02)
print(time.monotonic() - t0 >= 0.015)
st = time.gmtime(0)
print(st)
print(st.tm_year, st.tm_mon, st.tm_mday, st.tm_wday, st.tm_yday, st.tm_isdst, st.tm_zone, st.tm_gmtoff)
print(len(st), st[:3], tuple(st)[6:], isinstance(st, tuple), type(st).__name__)
print(time.gmtime(1234567890))
print(time.strftime('%Y-%m-%d %H:%M:%S %a %b %j', time.gmtime(1234567890)))
print(time.asctime(time.gmtime(1234567890)), time.asctime((2024, 2, 29, 13, 5, 9, 3, 60, 0)))
print(time.strftime('%d/%m/%Y', (2001, 2, 3, 4, 5, 6, 5, 34, 0)), repr(time.strftime('')))
lt = time.localtime(1000000)
print(time.mktime(lt) == 1000000.0, type(time.mktime(lt)).__name__, type(lt.tm_zone).__name__)
print(type(time.ctime()).__name__, len(time.ctime(0)))
print(type(time.timezone).__name__, type(time.altzone).__name__, type(time.daylight).__name__, len(time.tzname))
print(time.struct_time((2000, 1, 1, 0, 0, 0, 5, 1, 0)).tm_year)

def attempt(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, 'ok', repr(r))

attempt('sleep neg', lambda: time.sleep(-1))
attempt('sleep str', lambda: time.sleep('1'))
attempt('gmtime str', lambda: time.gmtime('x'))
attempt('strftime month', lambda: time.strftime('%Y', (2000, 13, 1, 0, 0, 0, 0, 1, 0)))
attempt('strftime tuple', lambda: time.strftime('%Y', (2000,)))
attempt('mktime arg', lambda: time.mktime(5))
