# Many small function calls with positional, default and keyword arguments.
def add(a, b):
    return a + b
def scale(x, factor=3):
    return x * factor
def clamp(v, lo=0, hi=1000):
    if v < lo:
        return lo
    if v > hi:
        return hi
    return v
def step(i, acc):
    return clamp(add(acc, scale(i % 7)), hi=999983) ^ (i & 255)
acc = 0
for i in range(2800000):
    acc = step(i, acc)
print("checksum", acc)
