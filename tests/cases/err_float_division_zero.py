# float division by zero.
def ratio(a, b):
    return a / b
print(ratio(1.0, 4))
print(ratio(2.5, 0.0))
