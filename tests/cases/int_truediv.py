# True division always returns a float, with correct rounding even for big ints.
print(1 / 2, 3 / 4, 10 / 5, -10 / 4, 7 / -2, 0 / 5, 0 / -5)
print(1 / 3, 2 / 3, 10 / 3, 100 / 7, 22 / 7)
print(2 ** 53 / 1, (2 ** 53 + 1) / 1, 10 ** 30 / 10 ** 10)
print(1 / 10 ** 5, 1 / 2 ** 20, 3 / 1e300, 1e300 / 3)
print(10 ** 400 // 10 ** 399, 10 ** 400 / 10 ** 399)
print(type(4 / 2), 4 / 2 == 2, 5.0 / 2, 5 / 2.0)
print(-1 / 3, 1 / -3, -1 / -3)
for i in range(1, 13):
    print(i, 1 / i, i / 7, -i / 11)
x = 1
for i in range(10):
    x = x / 3
print(x)
print(1e16 / 3, 123456789 / 1000, 12345678901234567890 / 10)
