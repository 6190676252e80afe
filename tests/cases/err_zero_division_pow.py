# ZeroDivisionError: 0.0 cannot be raised to a negative power.
print(0 ** 0, 2 ** -1)
print(0.0 ** -1)
