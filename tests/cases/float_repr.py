# float repr: shortest round-trip digits, exponent switch at 1e16 and 1e-4, inf/nan, signed zero.
vals = [0.0, -0.0, 1.0, -1.0, 0.5, 0.1, 0.2, 0.3, 1.5, 100.0, 1e15, 1e16, 1e17, 1.5e16, 123456789012345678.0,
        1e-4, 1e-5, 0.0001, 0.00001, 1.23e-5, 9.999e-5, 1e22, 1e23, 1e100, 1e-100, 5e-324, 1.7976931348623157e308,
        2.2250738585072014e-308, 3.141592653589793, 2.718281828459045, 1/3, 2/3, 0.1 + 0.2, 0.1 * 3, 1.1 * 1.1,
        9007199254740993.0, 4.35, 0.3 - 0.1, 1e16 - 1, 123.456, 1234567.0, 12345678.9, 0.000123]
for v in vals:
    print(v, repr(v), str(v), -v)
print(float("inf"), float("-inf"), float("nan"), -float("inf"))
print(1e308 * 10, -1e308 * 10, 1e308 * 10 - 1e308 * 10)
inf = float("inf")
nan = float("nan")
print(inf + 1, inf * 0, inf - inf, nan + 1, nan == nan, nan != nan, inf == inf, inf > 1e308)
print([1.0, -0.0, inf, nan], (0.5,), {"x": 2.5})
print(float("1e16"), float("  -12.5  "), float("1_000.5"), float("+.5"), float("5."), float("Infinity"), float("-NaN"))
print(float(10), float(-3), float(True), float("0.1"), float("-0"))
print(1e16, 1.0e16, 10000000000000000.0, 9999999999999998.0)
print(0.1 + 0.7, 0.7 + 0.1, 0.1 + 0.2 == 0.3, round(0.1 + 0.2, 10) == 0.3)
print(2.5e-3, 25e-4, 0.0025, 1e-3, 1e-4 * 10)
print(str(1.0), str(10.0), str(1e1), str(-1e-7))
