# Arbitrary-precision integers: growth, mixed signs, comparisons, conversions, digit boundaries.
f = 1
for i in range(1, 61):
    f = f * i
    if i % 10 == 0:
        print(i, f)
print(len(str(f)))
big = 2 ** 100
print(big, -big, big + 1, big - 1, big * big)
print(2 ** 64 - 1, 2 ** 63, -(2 ** 63), 2 ** 32 + 2 ** 31)
print(big // 3, big % 3, -big // 3, -big % 3, big // -7, big % -7)
print(big // (2 ** 50), big % (2 ** 50 + 1))
print(10 ** 30 // 10 ** 15, 10 ** 30 % 999999937)
print((10 ** 40 + 7) * (10 ** 40 - 7))
print(3 ** 200)
print(-(3 ** 101))
print(big == 2 ** 100, big < 2 ** 100 + 1, -big < big, big > 10 ** 30, big < 10 ** 31)
print(2 ** 100 / 2 ** 99, 2 ** 200 / 3)
print(int("123456789012345678901234567890") + 1)
print(int("-99999999999999999999999999999") - 1)
print(str(7 ** 77))
print(hex(2 ** 70), oct(2 ** 70), bin(2 ** 70))
print(hex(-(2 ** 70 + 5)))
print(2 ** 100 & (2 ** 64 - 1), (2 ** 100 - 1) & 0xFFFF, 2 ** 100 | 1, (2 ** 80) ^ (2 ** 80 + 255))
print(1 << 100, (1 << 100) >> 99, -(1 << 100) >> 3, ~(2 ** 70))
print(abs(-(10 ** 25)), divmod(10 ** 25, 7), divmod(-(10 ** 25), 7))
print(pow(2, 100, 10 ** 9 + 7), pow(3, 10 ** 5, 1000))
a = 1
b = 1
for i in range(200):
    a, b = b, a + b
print(a)
print(a % 1000000007, a // 10 ** 30)
x = 12345678901234567890
print(x * x * x - x * x + x - 1)
print(round(10 ** 20 + 0.0), float(2 ** 80), float(-(2 ** 60)))
print(int(1e20), int(-1.5e19), int(2.0 ** 70))
print(sum([2 ** 60, 2 ** 61, 2 ** 62, 2 ** 63]))
print(max(2 ** 70, 2 ** 69, -(2 ** 71)), min(2 ** 70, 2 ** 69, -(2 ** 71)))
print(0 - 2 ** 64 + 2 ** 64, (2 ** 64) - (2 ** 64))
print(1000000000000000000000 // 1000000000000000000000, -1 * 10 ** 21 // 10 ** 21)
