# repr/str of containers: nesting, self-reference ([...] and {...}), quotes chosen per string, empty forms.
a = [1, 2]
a.append(a)
print(a, len(a), a[2][2][0])
d = {"k": 1}
d["self"] = d
print(d)
b = [a, d, (a,)]
print(b)
print([], (), {}, [[]], [()], ({},), ((),), [{}])
print(["a'b", 'a"b', "a'b\"c", "\n", "\t", "\\", "é", "\x1b", "\u2028"])
print((1,), (1, 2), ((1,),), ([1],))
print({1: [1, {2: (3,)}], "x": {"y": {"z": None}}})
print(repr([1.0, -0.0, 1e16, 1e-05, float("inf")]), str([True, None, False]))
print([range(3), range(1, 5, 2)], {"r": range(0)})
print([len, print], [print][0] is print)
m = [[0] * 3] * 2
print(m, m[0] is m[1])
