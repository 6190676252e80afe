# Traceback entries know their line numbers however the exception travelled: through several frames, caught
# and re-raised, chained, raised in a loop many times, in long functions (the line comes from the code's
# location table when asked for).
import sys
import traceback


def inner(n):
    if n > 2:
        raise ValueError("deep %d" % n)
    return inner(n + 1)


def middle():
    try:
        inner(0)
    except ValueError:
        raise


def outer():
    return middle()


try:
    outer()
except ValueError as e:
    tb = e.__traceback__
    lines = []
    while tb is not None:
        lines.append((tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_lasti >= 0))
        tb = tb.tb_next
    print(lines)
    print([(f.name, f.lineno) for f in traceback.extract_tb(e.__traceback__)])


def long_function(x):
    a = x + 1
    b = a * 2
    c = b - 3
    d = c // 4
    e = d % 5
    f = [a, b, c, d, e]
    g = {k: v for k, v in enumerate(f)}
    h = sorted(g.values())
    i = sum(h)
    if i > 10:
        raise KeyError(i)
    return i


caught = []
for x in range(200):
    try:
        long_function(x)
    except KeyError as exc:
        caught.append(exc.__traceback__.tb_next.tb_lineno)
print(len(caught), sorted(set(caught)))

try:
    try:
        {}["missing"]
    except KeyError as exc:
        raise RuntimeError("wrapped") from exc
except RuntimeError as exc:
    print(exc.__traceback__.tb_lineno, exc.__cause__.__traceback__.tb_lineno)
    print(traceback.format_exception_only(type(exc), exc))


def gen():
    yield 1
    raise StopIteration("inside")


try:
    list(gen())
except RuntimeError as exc:
    print(type(exc).__name__, exc, exc.__traceback__.tb_lineno,
          [f.lineno for f in traceback.extract_tb(exc.__cause__.__traceback__)])

try:
    exec(compile("x = 1\ny = 2\nz = x / (y - 2)\n", "<snippet>", "exec"))
except ZeroDivisionError as exc:
    last = traceback.extract_tb(exc.__traceback__)[-1]
    print(last.filename, last.lineno, last.line)
print(sys.exc_info()[0])
