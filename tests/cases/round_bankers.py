# round(): ties to even for ints and floats, ndigits positive/negative/zero, exact binary values.
for i in range(-10, 11):
    x = i + 0.5
    print(x, round(x), round(x, 0), round(-x))
for v in [0.5, 1.5, 2.5, 3.5, 4.5, -0.5, -1.5, 0.25, 0.75, 2.675, 1.0049999, 1e16 + 0.5, 0.1 + 0.2]:
    print(v, round(v), round(v, 1), round(v, 2), round(v, 3))
for n in [5, 15, 25, 35, 45, 55, 150, 250, 1050, -5, -15, -25]:
    print(n, round(n, -1), round(n, -2), round(n, -3))
print(round(2 ** 80 + 5, -1), round(10 ** 30 + 5 * 10 ** 9, -10))
print(round(0.0), round(-0.0), round(-0.0, 1), round(1e300, 2), round(123.456, 10), round(5e-324, 400))
print(round(float("inf"), 2), round(float("nan"), 2))
