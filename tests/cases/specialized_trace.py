# Tracing code whose arithmetic and comparisons were specialised (vm/interp/eval_operators.inc): a tracer with
# f_trace_opcodes sees every base instruction, the conditional jump after a comparison included (CPython 3.11
# runs base instructions while tracing), and the results stay the same before, during and after.
import sys, dis

def f(n):
    total = 0
    i = 0
    while i < n:
        total = total + i * 2
        if total > 10.5:
            total = total - 1.5
        i += 1
    return total

for _ in range(100):
    f(20)

events = []
def tracer(frame, event, arg):
    if frame.f_code is f.__code__:
        frame.f_trace_opcodes = True
        if event == "opcode":
            events.append(dis.opname[frame.f_code.co_code[frame.f_lasti]])
        else:
            events.append(event)
    return tracer

sys.settrace(tracer)
r = f(4)
sys.settrace(None)
print(r)
print(len(events))
print(" ".join(events))
print(f(20))

# Floats and a backward jump of a while loop's test, traced after warming up.
def g(x):
    n = 0
    while x > 1.0:
        x = x * 0.5
        n += 1
    return n

for _ in range(100):
    g(1000.0)
seen = []
def tracer2(frame, event, arg):
    if frame.f_code is g.__code__:
        frame.f_trace_opcodes = True
        if event == "opcode":
            seen.append(dis.opname[frame.f_code.co_code[frame.f_lasti]])
    return tracer2
sys.settrace(tracer2)
r = g(10.0)
sys.settrace(None)
print(r, seen.count("COMPARE_OP"), seen.count("POP_JUMP_BACKWARD_IF_TRUE"), seen.count("POP_JUMP_FORWARD_IF_FALSE"))
print(g(1000.0))
