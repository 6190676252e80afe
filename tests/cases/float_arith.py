# Float arithmetic, mixed int/float operations, comparisons between ints and floats.
a = 3.5
b = -1.25
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2, -a, +b, abs(b))
print(1 + 1.0, 2 * 0.5, 3 - 0.5, 7 / 2, 1.0 == 1, 1 == 1.0, 2 ** 0.5 * 2 ** 0.5)
print(0.1 * 10, 0.1 + 0.1 + 0.1, sum([0.1] * 10), 1 - 0.9)
s = 0.0
for i in range(1, 21):
    s = s + 1 / i
    print(i, s)
print(1e308 + 1e308, -1e308 - 1e308, 1e-320 / 10, 5e-324 / 2)
print(3.0 < 4, 4 <= 4.0, 2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53)
print(10 ** 400 > 1e308, -(10 ** 400) < -1e308, 0.5 < 1 < 1.5)
print(int(3.9), int(-3.9), int(1e10), round(3.14159, 2), round(2.675, 2), round(-0.5), round(1.5))
x = 1.0
for i in range(50):
    x = x * 1.5 - 0.25
print(x)
print(float(2 ** 63), float(2 ** 64 + 1), 2.0 ** 63 == 2 ** 63)
print(max(1, 2.0), min(1, 1.0), max(1.0, 1), max(-0.0, 0.0), min(0.0, -0.0))
print(1.5 * 4 == 6, 6.0 / 4, 7.0 // 0.5, 7.25 % 0.5)
mean = sum([1.5, 2.5, 3.75, 4.125]) / 4
print(mean, (1.5 - mean) ** 2)
print(100 * 1.1, 3 * 1.1, 0.57 * 100, 1.15 * 100, 2.675 * 100)
