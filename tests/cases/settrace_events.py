# sys.settrace: CPython 3.11's events and their order ('call', 'line', 'return', 'exception') in plain functions,
# loops (a backward jump is a new 'line'), generators (each resumption is a 'call'), exceptions caught and uncaught,
# then opcode events, f_trace_lines=False, a trace function changing f_locals, one that raises, and nesting.
import sys
def tracer(frame, event, arg):
    name = frame.f_code.co_name
    if event == 'exception':
        arg = (arg[0].__name__, str(arg[1]))
    elif event == 'return' and not isinstance(arg, (int, str, type(None))):
        arg = type(arg).__name__
    print(f"{name}:{frame.f_lineno} {event} {arg!r}")
    return tracer

def add(a, b):
    c = a + b
    return c

def loop(n):
    t = 0
    for i in range(n):
        t += i
    while n > 0:
        n -= 1
    return t

def gen(n):
    for i in range(n):
        yield i
    return 'done'

def fails():
    x = 1
    raise ValueError("boom")

def catches():
    try:
        fails()
    except ValueError as e:
        y = 2
    return 'ok'

sys.settrace(tracer)
add(1, 2)
loop(2)
for v in gen(2):
    pass
catches()
try:
    fails()
except ValueError:
    pass
sys.settrace(None)
print(sys.gettrace())

# opcode events and f_trace_lines
def op_tracer(frame, event, arg):
    if frame.f_code.co_name != 'tiny':
        return None
    print(event, frame.f_lineno, frame.f_lasti)
    frame.f_trace_opcodes = True
    frame.f_trace_lines = False
    return op_tracer
def tiny():
    a = 1
    return a
sys.settrace(op_tracer)
tiny()
sys.settrace(None)

# changing locals from a trace function
def changer(frame, event, arg):
    if frame.f_code.co_name == 'target' and event == 'line' and frame.f_lineno == 77:
        frame.f_locals['x'] = 99
    return changer
def target():
    x = 1
    print("x is", x)
sys.settrace(changer)
target()
sys.settrace(None)

# local trace returning None stops line events; exception in trace func removes it
def bad(frame, event, arg):
    if event == 'line':
        raise RuntimeError("tracer failed")
    return bad
def victim():
    return 5
sys.settrace(bad)
try:
    victim()
except RuntimeError as e:
    print("caught", e, sys.gettrace())
# nested calls
def inner(): return 1
def outer(): return inner() + inner()
def nest(frame, event, arg):
    print(event, frame.f_code.co_name, frame.f_back.f_code.co_name)
    return None
sys.settrace(nest)
outer()
sys.settrace(None)

# a generator driven with send() and throw(), and a `yield from` (SEND's backward jump is no new line)
def child():
    got = yield 1
    yield got
def parent():
    r = yield from child()
    return r
def coro():
    try:
        x = yield 'first'
    except KeyError:
        yield 'handled'
def short(frame, event, arg):
    if frame.f_code.co_name in ('child', 'parent', 'coro'):
        shown = arg if isinstance(arg, (int, str, type(None))) else type(arg).__name__
        if event == 'exception':
            shown = arg[0].__name__
        print(frame.f_code.co_name, frame.f_lineno, event, repr(shown))
    return short
sys.settrace(short)
p = parent()
print(next(p), p.send('sent'))
c = coro()
print(next(c), c.throw(KeyError))
sys.settrace(None)

# a local trace function that returns None after the call stops the frame's line events; f_trace set on a
# running frame with sys._getframe() traces the rest of that frame
def only_calls(frame, event, arg):
    print(event, frame.f_code.co_name)
def two_lines():
    a = 1
    return a
sys.settrace(only_calls)
two_lines()
sys.settrace(None)
def here(frame, event, arg):
    print('here', event, frame.f_lineno)
    return here
def running():
    sys._getframe().f_trace = here
    sys.settrace(here)
    b = 2
    return b
running()
sys.settrace(None)

# async for over an async iterator: each awaited __anext__ that returns is an 'exception' (StopIteration) event
# in the awaiting frame (CPython 3.11's traced SEND), and the frame's line after a RERAISE is the raise's
class AsyncIteratorWrapper:
    def __init__(self, obj):
        self._it = iter(obj)
    def __aiter__(self):
        return self
    async def __anext__(self):
        try:
            return next(self._it)
        except StopIteration:
            raise StopAsyncIteration
async def doit_async():
    async for letter in AsyncIteratorWrapper("ab"):
        x = letter
    y = 42
def atr(frame, event, arg):
    print(frame.f_code.co_name, frame.f_lineno, event)
    return atr
x = doit_async()
sys.settrace(atr)
try:
    x.send(None)
except StopIteration:
    pass
sys.settrace(None)

# a class body: its first line is a 'line' event although the body starts on the `class` line
def cls_tracer(frame, event, arg):
    print(frame.f_code.co_name, frame.f_lineno, event)
    return cls_tracer
def make_class():
    class C: x = 1
    return C
sys.settrace(cls_tracer)
make_class()
sys.settrace(None)
