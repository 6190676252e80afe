# Exponentiation: int ** int, negative exponents, float powers, 3-argument pow, right associativity.
for b in range(-3, 4):
    print(b, [b ** e for e in range(0, 6)])
print(2 ** 10, 2 ** 0, 0 ** 0, 0 ** 5, 1 ** 1000, (-1) ** 1001)
print(2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** 2, 2 ** -2, 10 ** -3)
print(2.0 ** 10, 2 ** 0.5, 4 ** 0.5, 9 ** -0.5, 1.5 ** 2, (-8) ** 2.0)
print(10 ** 20, 10 ** 21, 10.0 ** 20, 10.0 ** 21, 10.0 ** -5)
print(pow(2, 10), pow(2, -1), pow(2.5, 2), pow(3, 4, 5), pow(-3, 3, 7), pow(3, 3, -7))
print(pow(7, 0, 13), pow(0, 0, 5), pow(123456789, 987654321, 1000000007))
print(pow(10, 18, 997), pow(2, 1000, 10 ** 10))
print(pow(3, -1, 7), pow(5, -2, 13))
x = 3
x **= 4
print(x)
x **= 0.5
print(x)
print(1.0001 ** 10000, 0.5 ** 100, 2 ** 1023 * 1.0)
print(type(2 ** 2), type(2 ** -2), type(2.0 ** 2))
