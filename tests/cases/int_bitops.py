# Bitwise operators on non-negative and negative ints (two's complement semantics of infinite width).
vals = [0, 1, 5, 12, 255, -1, -6, -256, 1023]
for a in vals:
    print(a, ~a, a << 3, a >> 1, a >> 4)
for a in [0, 6, -7, 12]:
    for b in [3, -3, 10]:
        print(a, b, a & b, a | b, a ^ b)
print(1 << 0, 1 << 31, 1 << 32, 1 << 63, 1 << 64, 3 << 70)
print(-1 >> 100, 5 >> 100, -5 >> 1, -5 >> 2)
print(0xFF & 0x0F, 0xF0 | 0x0F, 0xFF ^ 0xAA, ~0xFF)
print(6 & 3 | 8, 6 | 3 & 8, 6 ^ 3 & 5, 1 + 2 << 3, 1 << 2 + 3)
x = 0b1010
x |= 0b0101
print(x)
x &= 0b1100
print(x)
x ^= 0b1111
print(x)
x <<= 5
print(x)
x >>= 2
print(x)
n = 0
for i in range(20):
    n = (n << 1) ^ i
print(n, bin(n))
count = 0
v = 2 ** 100 - 1
while v:
    count = count + (v & 1)
    v = v >> 1
print("popcount", count)
print(True & False, True | False, True ^ True, ~True, True << 2)
