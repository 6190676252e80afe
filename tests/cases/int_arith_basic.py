# Integer arithmetic: + - * with small and mixed-sign operands, precedence, unary operators.
a = 7
b = -3
print(a + b, a - b, a * b)
print(b + a, b - a, b * a)
print(-a, +a, -b, +b, --a, -(-b))
print(2 + 3 * 4, (2 + 3) * 4, 2 * 3 + 4, 2 - 3 - 4, 2 - (3 - 4))
print(10 - 2 * 3 ** 2, -2 ** 2, (-2) ** 2, 2 ** -1)
print(1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10)
total = 0
for i in range(1, 101):
    total = total + i * i
print("sum of squares 1..100 =", total)
x = 0
for i in range(-5, 6):
    x = x * 3 + i
    print(i, x, x * i, x - i)
print(0 * -1, -0, 0 - 0, 1 * 0)
print(123456789 * 987654321)
print(2147483647 + 1, -2147483648 - 1, 4294967295 + 1)
print(9223372036854775807 + 1, -9223372036854775808 - 1)
print(1073741823 + 1, 1073741824 * 2, 32767 * 32767)
print(True + True, True * 10, False - 1, True + 0.5)
n = 1
for i in range(30):
    n = n * 3 - i
print(n)
print(abs(-17), abs(17), abs(0))
print(100 // 7, 100 % 7, 100 / 8)
print(int(7 / 2), int(-7 / 2))
