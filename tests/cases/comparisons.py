# Comparison operators, chained comparisons (each operand evaluated once), is / is not, in / not in.
print(1 < 2, 2 < 1, 1 <= 1, 1 >= 2, 1 == 1, 1 != 1, 1 == 1.0, "a" == "a", "a" != "b")
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 < 2 > 0, 1 == 1 == 1, 1 == 1 != 2, 0 <= 0 < 1 <= 1 < 2)
print(1 < 2 < 3 < 4 < 5, 1 < 2 < 3 < 2 < 5, 5 > 4 >= 4 > 3 != 2 == 2)
calls = []
def v(x):
    calls.append(x)
    return x
print(v(1) < v(2) < v(3), calls)
calls.clear()
print(v(3) < v(2) < v(1), calls)
calls.clear()
print(v(1) == v(1) == v(2) == v(3), calls)
x = 5
print(0 < x < 10, 0 < x < 5, x > 4 and x < 6, not 0 < x)
print(None is None, None is not None, "x" in "xyz", 1 in [1, 2], 3 not in (1, 2))
a = [1]
b = a
print(a is b, a is not b, a == [1])
print([1, 2] < [1, 3], [1, 2] < [1, 2, 3], (1, "b") > (1, "a"), "abc" < "abd", "Z" < "a", "" < "a")
print(True == 1, False == 0, True > False, True < 2, 0.5 < True)
print(2 ** 64 > 2 ** 63 > 0 > -(2 ** 63) > -(2 ** 64))
print(float("nan") < 1, float("nan") > 1, float("inf") > 10 ** 300, -float("inf") < -(10 ** 300))
print({"a": 1} == {"a": 1}, [1, [2]] == [1, [2]], (1, 2) == [1, 2], "1" == 1)
res = []
for i in range(-2, 6):
    res.append((i, 0 <= i < 3, i < 0 or i > 3, -1 < i <= 2 < 4))
print(res)
