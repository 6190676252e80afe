# TypeError: bad operand type for unary minus.
def negate(v):
    return -v
print(negate(5), negate(2.5))
print(negate("five"))
