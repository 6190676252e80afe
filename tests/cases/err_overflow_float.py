# OverflowError: int too large to convert to float.
print(float(2 ** 1000))
print(float(2 ** 1100))
