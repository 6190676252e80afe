# int / int is correctly rounded (one rounding, half to even), also when the quotient is subnormal, and overflows
# with CPython's message. Random ratios from a fixed seed, compared through float.hex().
import random

# A subnormal quotient: rounding to 53 bits first and then again to the subnormal's precision gives ...4 instead of ...3.
print((7 * 2**59 - 1) / 2**1134, ((7 * 2**59 - 1) / 2**1134).hex())
a, b = 7 * 2**59 - 1, 2**1134
print((a / b).hex(), a.__truediv__(b).hex(), b.__rtruediv__(a).hex())

# Exact halfway cases around the subnormal range and the normal boundary.
for e in range(1018, 1080, 3):
    row = []
    for k in (1, 3, 5, 2**52 + 1, 2**53 + 1, 3 * 2**52 + 1, 2**54 - 1):
        row.append((k / 2**e).hex())
        row.append(((2 * k + 1) / 2**(e + 1)).hex())
        row.append((-(2 * k + 1) / 2**(e + 1)).hex())
    print(e, ' '.join(row))

r = random.Random(20261207)
lines = []
for i in range(600):
    x = r.getrandbits(r.randrange(1, 320)) * r.choice([1, -1])
    y = (r.getrandbits(r.randrange(1, 1300)) or 1) * r.choice([1, 1, -1])
    kind = r.random()
    if kind < 0.25:
        x *= 2**r.randrange(1100)       # large quotients, some overflowing
    elif kind < 0.5:
        y = (y << r.randrange(900)) | 1  # tiny quotients, many subnormal
    try:
        lines.append((x / y).hex())
    except OverflowError as e:
        lines.append(f'OverflowError: {e}')
for i in range(0, len(lines), 6):
    print(' '.join(lines[i:i + 6]))

# Overflow at the top: just below 2**1024 rounds to the largest double, the halfway point overflows.
for x, y in [(2**1024 - 2**971, 1), (2**1024 - 2**970, 1), (2**1025, 2), (2**1025 - 1, 2), (2**2000, 2**975),
             (2**2000, 2**976), (10**400, 10**91), (-10**400, 3)]:
    try:
        print((x / y).hex())
    except OverflowError as e:
        print('OverflowError:', e)

# Signed zeros and underflow to zero.
print(0 / -5, 0 / 5, -1 / 2**2000, 1 / -2**2000, 2**-1075 == 1 / 2**1075, (1 / 2**1075).hex(), (3 / 2**1076).hex())
try:
    print(1 / 0)
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
try:
    print(2**2000 / 0)
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
