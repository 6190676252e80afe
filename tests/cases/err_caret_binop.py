# 3.11 marks a failing binary operation with ~ under the operands and ^ under the operator, even when the
# expression is the whole line; a two-character operator gets two ^.
def ratio(total, parts):
    return total   //   parts


def power(base, exponent):
    base ** exponent


def report(values):
    print("ratio", ratio(sum(values), len(values)))
    power(2, "x")


report([4, 6])
report([])
