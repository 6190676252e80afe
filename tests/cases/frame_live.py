# Frame objects are live views of running frames (sys._getframe, f_back, tb_frame, gi_frame,
# inspect.currentframe): f_lineno and f_locals read later are current, and after the frame finishes its object
# keeps the last state; f_trace* attributes and what may not be assigned.
import sys, inspect
def f():
    fr = sys._getframe()
    a = 1
    print("line", fr.f_lineno, sorted(k for k in fr.f_locals), fr.f_locals["a"])
    a = 2
    b = 'x'
    print("line", fr.f_lineno, sorted((k, v) for k, v in fr.f_locals.items() if k != "fr"))
    print(fr.f_back.f_code.co_name, fr.f_back.f_lineno, fr is sys._getframe(), fr.f_locals is fr.f_locals)
    print(inspect.currentframe() is fr)
    return fr
fr = f()
print("after", fr.f_lineno, sorted((k, v) for k, v in fr.f_locals.items() if k != "fr"), fr.f_back.f_code.co_name, fr.f_lasti > 0)
fr.clear()
print(fr.f_locals)
try:
    sys._getframe().clear()
except RuntimeError as e:
    print("RuntimeError", e)
def g():
    x = 1
    yield sys._getframe()
    x = 2
    yield 5
gen = g()
gf = next(gen)
print(gf.f_lineno, gf.f_locals, gf.f_back, gen.gi_frame is gf)
next(gen)
print(gf.f_lineno, gf.f_locals)
for _ in gen: pass
print(gf.f_lineno, gf.f_locals, gen.gi_frame)
try:
    1/0
except ZeroDivisionError as e:
    tb = e.__traceback__
    print(tb.tb_frame is sys._getframe(), tb.tb_lineno, tb.tb_frame.f_lineno)
fr2 = sys._getframe()
try:
    fr2.f_lineno = 3
except ValueError as e:
    print("ValueError", e)
try:
    fr2.f_trace_lines = 1
except TypeError as e:
    print("TypeError", e)
try:
    fr2.foo = 1
except AttributeError as e:
    print("AttributeError", e)
print(fr2.f_trace, fr2.f_trace_lines, fr2.f_trace_opcodes, fr2.f_globals is globals(), fr2.f_builtins is __builtins__.__dict__)
print(fr2.f_locals is globals())

# f_back chains of live frames, and a caller's line while its callee runs
def level3():
    f = sys._getframe()
    return [(x.f_code.co_name, x.f_lineno) for x in (f, f.f_back, f.f_back.f_back)]
def level2():
    return level3()
def level1():
    return level2()
print(level1())
print(sys._getframe(1) if False else "depth", end=" ")
try:
    sys._getframe(1000)
except ValueError as e:
    print("ValueError", e)
# a frame object's locals after its function raised
def raiser():
    z = 'last'
    global kept
    kept = sys._getframe()
    raise IndexError
try:
    raiser()
except IndexError:
    print(kept.f_lineno, kept.f_locals, kept.f_back is sys._getframe())
