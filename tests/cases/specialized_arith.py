# The interpreter's specialised BINARY_OP and COMPARE_OP forms (3.11's BINARY_OP_ADD_INT, COMPARE_OP_INT_JUMP,
# ...) and their de-optimisation: each function below runs one site many times with the shape it specialises for,
# then feeds it other operands (bool, int subclasses with their own __add__, big ints, a float/int mix, NaN, inf,
# -0.0, a zero divisor, str) and prints what comes out. The bytecode a program can see stays the base one.
import dis
import math


def add(a, b):
    return a + b


def sub(a, b):
    return a - b


def mul(a, b):
    return a * b


def div(a, b):
    return a / b


def iadd(a, b):
    a += b
    return a


def imul(a, b):
    a *= b
    return a


def less(a, b):
    if a < b:
        return "lt"
    return "not lt"


def ge_loop(a, b):
    # A compare feeding a backward jump (the while loop's test at its bottom).
    n = 0
    while a >= b:
        a -= 1
        n += 1
    return n


class MyInt(int):
    def __add__(self, other):
        return "MyInt.__add__"

    def __radd__(self, other):
        return "MyInt.__radd__"

    def __sub__(self, other):
        return "MyInt.__sub__"

    def __lt__(self, other):
        return True


class MyFloat(float):
    def __mul__(self, other):
        return "MyFloat.__mul__"

    def __rtruediv__(self, other):
        return "MyFloat.__rtruediv__"


def show(label, f, *args):
    try:
        r = f(*args)
        print(label, type(r).__name__, repr(r))
    except Exception as e:
        print(label, "raises", type(e).__name__, e)


def warm(f, a, b, times=300):
    for _ in range(times):
        f(a, b)


# Ints: warm up on small ints, then the edges.
warm(add, 3, 4)
show("add small", add, 3, 4)
show("add bool", add, True, True)
show("add bool+int", add, True, 41)
show("add MyInt", add, MyInt(1), 2)
show("add int+MyInt", add, 2, MyInt(1))
show("add overflow", add, 2**62 - 1, 1)
show("add overflow neg", add, -2**62, -1)
show("add big", add, 10**30, 1)
show("add mix", add, 1, 0.5)
show("add str", add, "a", "b")
show("add list", add, [1], [2])
show("add none", add, 1, None)
show("add small again", add, -7, 7)

warm(sub, 10, 3)
show("sub small", sub, 10, 3)
show("sub bool", sub, False, True)
show("sub MyInt", sub, MyInt(5), 1)
show("sub underflow", sub, -2**62, 1)
show("sub big", sub, 2**100, 2**100)
show("sub mix", sub, 5, 0.25)
show("sub set", sub, {1, 2}, {2})

warm(mul, 6, 7)
show("mul small", mul, 6, 7)
show("mul overflow", mul, 2**40, 2**40)
show("mul overflow neg", mul, -(2**31), 2**33)
show("mul min", mul, -(2**62), 1)
show("mul min neg", mul, -(2**62), -1)
show("mul bool", mul, True, 5)
show("mul str", mul, "ab", 3)
show("mul seq", mul, 3, [0])
show("mul mix", mul, 3, 1.5)
show("mul small again", mul, -3, 3)

# Floats: warm up on ordinary floats, then NaN, inf, -0.0, tiny and huge values, ints and subclasses.
warm(add, 1.5, 2.25)
show("fadd", add, 1.5, 2.25)
show("fadd nan", add, math.nan, 1.0)
show("fadd inf", add, math.inf, -math.inf)
show("fadd -0.0", add, -0.0, -0.0)
show("fadd -0.0 + 0.0", add, -0.0, 0.0)
show("fadd 0.0", add, 0.0, 0.0)
show("fadd huge", add, 1e300, 1e300)
show("fadd tiny", add, 1e-310, 1e-310)
show("fadd int", add, 1.5, 2)
show("fadd big int", add, 1.5, 2**70)
show("fadd huge int", add, 1.5, 10**400)

warm(sub, 5.5, 0.5)
show("fsub", sub, 5.5, 0.5)
show("fsub equal", sub, 0.1, 0.1)
show("fsub to -0.0", sub, -0.0, 0.0)
show("fsub inf", sub, math.inf, math.inf)

warm(mul, 1.25, 4.0)
show("fmul", mul, 1.25, 4.0)
show("fmul overflow", mul, 1e200, 1e200)
show("fmul underflow", mul, 1e-200, 1e-200)
show("fmul neg zero", mul, -1.0, 0.0)
show("fmul MyFloat", mul, MyFloat(2.0), 3.0)
show("fmul float*MyFloat", mul, 3.0, MyFloat(2.0))
show("fmul complex", mul, 2.0, 1j)

warm(div, 7.0, 2.0)
show("fdiv", div, 7.0, 2.0)
show("fdiv zero", div, 1.0, 0.0)
show("fdiv neg zero", div, 1.0, -0.0)
show("fdiv zero by", div, 0.0, 3.0)
show("fdiv nan", div, math.nan, 2.0)
show("fdiv inf", div, 1.0, math.inf)
show("fdiv int", div, 7, 2)
show("fdiv int zero", div, 7, 0)
show("fdiv MyFloat", div, 1.0, MyFloat(2.0))
show("fdiv again", div, 9.0, 3.0)

warm(iadd, 1, 2)
show("iadd", iadd, 1, 2)
show("iadd list", iadd, [1], [2])
show("iadd float", iadd, 0.5, 0.25)
warm(imul, 1.5, 2.0)
show("imul", imul, 1.5, 2.0)
show("imul int overflow", imul, 3**39, 3**39)
show("imul str", imul, "x", 2)

# Comparisons feeding jumps.
warm(less, 1, 2)
show("lt small", less, 1, 2)
show("lt equal", less, 2, 2)
show("lt bool", less, False, True)
show("lt MyInt", less, MyInt(5), 1)
show("lt big", less, 2**80, 2**81)
show("lt mix", less, 1, 1.5)
show("lt str", less, "a", "b")
show("lt none", less, 1, None)
warm(less, 0.5, 0.25)
show("flt", less, 0.5, 0.25)
show("flt nan", less, math.nan, 1.0)
show("flt nan rhs", less, 1.0, math.nan)
show("flt -0.0", less, -0.0, 0.0)
show("flt inf", less, -math.inf, 0.0)
show("flt int", less, 0.5, 1)
show("flt again", less, 0.25, 0.5)
show("ge_loop ints", ge_loop, 10, 3)
show("ge_loop floats", ge_loop, 10.5, 3.0)
show("ge_loop nan", ge_loop, math.nan, 3.0)
show("ge_loop big", ge_loop, 2**64 + 3, 2**64)
show("ge_loop mix", ge_loop, 5, 2.5)

# Every compare operator, both outcomes, after warming each site.
def cmp_all(a, b):
    out = []
    if a < b: out.append("<")
    if a <= b: out.append("<=")
    if a == b: out.append("==")
    if a != b: out.append("!=")
    if a > b: out.append(">")
    if a >= b: out.append(">=")
    if not a < b: out.append("!<")
    if not a == b: out.append("!==")
    return " ".join(out)


for _ in range(200):
    cmp_all(1, 2)
    cmp_all(1.0, 2.0)
for a, b in [(1, 2), (2, 2), (3, 2), (-5, -5), (1.0, 2.0), (2.0, 2.0), (3.5, 2.0), (math.nan, math.nan),
             (math.nan, 1.0), (-0.0, 0.0), (True, 1), (2**70, 2**70), (1, 1.0)]:
    print("cmp", repr(a), repr(b), cmp_all(a, b))

# A site that keeps switching between shapes gets right answers throughout.
total = []
for i in range(400):
    x = i if i % 3 else float(i)
    y = 2 if i % 5 else True
    total.append(add(x, y))
    total.append(mul(x, y))
    total.append(less(x, y))
print("mixed", len(total), sum(v for v in total if not isinstance(v, str)), total[-6:])

# The bytecode a program sees is the base form, before and after the sites specialised.
ops = {ins.opname for f in (add, sub, mul, div, iadd, imul, less, ge_loop, cmp_all) for ins in dis.get_instructions(f)}
print(sorted(op for op in ops if op.startswith(("BINARY", "COMPARE"))))
print(add.__code__.co_code == add.__code__.replace().co_code)
print([op for op in ops if "INT" in op or "FLOAT" in op or "ADAPTIVE" in op])
