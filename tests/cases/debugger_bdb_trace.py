# Debuggers built on sys.settrace work: a bdb.Bdb subclass steps through calls, lines, returns and exceptions,
# and the trace module counts lines (what python -m trace --count reports).
import bdb, sys, os

HERE = sys._getframe().f_code.co_filename  # the source (__file__ is the pyc when run from one)

class Stepper(bdb.Bdb):
    def user_call(self, frame, args):
        print("call", frame.f_code.co_name, frame.f_lineno)
    def user_line(self, frame):
        if frame.f_code.co_filename == HERE:
            print("line", frame.f_code.co_name, frame.f_lineno, sorted(k for k in frame.f_locals if not k.startswith('__')))
            self.set_step()
    def user_return(self, frame, value):
        if frame.f_code.co_filename == HERE:
            print("return", frame.f_code.co_name, value)
    def user_exception(self, frame, exc_info):
        print("exception", frame.f_code.co_name, exc_info[0].__name__)

def square(n):
    r = n * n
    return r

def program():
    total = 0
    for i in range(2):
        total += square(i)
    try:
        {}['k']
    except KeyError:
        total += 1
    return total

b = Stepper()
print(b.runcall(program))
b = Stepper()
b.set_break(HERE, 19)
print({os.path.basename(k): v for k, v in b.get_all_breaks().items()})

import trace, os
def counted(n):
    s = 0
    for i in range(n):
        s += i
    return s
tracer = trace.Trace(count=1, trace=0)
print(tracer.runfunc(counted, 4))
counts = tracer.results().counts
print(sorted((os.path.basename(f), line, c) for (f, line), c in counts.items() if f == HERE))
