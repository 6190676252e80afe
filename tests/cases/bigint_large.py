# Large ints below CPython's 4300-digit str() limit: factorials, powers, digit sums, conversions back and forth.
f = 1
for i in range(2, 1001):
    f *= i
s = str(f)
print(len(s), s[:50], s[-50:], sum([int(c) for c in s]))
print(int(s) == f, f % 1000003, f // 10 ** 2560 > 0)
p = 3 ** 5000
ps = str(p)
print(len(ps), ps[:40], ps[-40:])
print(len(hex(p)), hex(p)[:30], len(bin(p)), oct(p)[-20:])
q = p // (7 ** 1000)
r = p % (7 ** 1000)
print(q * 7 ** 1000 + r == p, len(str(q)), len(str(r)))
print((2 ** 4000 - 1) % 255, (2 ** 4000 + 1) // (2 ** 3999), -(2 ** 3000) // 3 % 1000)
x = 1
for i in range(200):
    x = x * 31 + i
print(x % 10 ** 20, len(str(x)), len(bin(x)) - 2)
print(int("9" * 4000) + 1 == 10 ** 4000, len(str(10 ** 4000 - 1)))
