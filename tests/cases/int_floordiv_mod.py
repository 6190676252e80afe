# Floor division and modulo follow the sign of the divisor; divmod agrees with // and %.
pairs = [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5), (0, -5), (6, 3), (-6, 3), (6, -3), (1, 7), (-1, 7), (1, -7)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b), (a // b) * b + a % b == a)
for a in range(-10, 11):
    print(a, a // 4, a % 4, a // -4, a % -4)
print(-1 // 2, -1 % 2, 1 // -2, 1 % -2)
print(2 ** 70 // -3, 2 ** 70 % -3, -(2 ** 70) // 3, -(2 ** 70) % 3)
print(7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2, 7.5 // -2, 7.5 % -2)
print(7 // 2.0, -7 // 2.0, 7 % 2.5, -7 % 2.5, 0.5 % -1)
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(5, 0.5))
print(-0.0 % 5, 0.0 % -5, 5 % -0.5)
print(10 % 3 % 2, 100 // 7 // 2, 2 * 7 // 3, 2 * (7 // 3))
print(True // 1, True % 2, False // 3)
print(123456789 % 1000, -123456789 % 1000, 123456789 // -1000)
