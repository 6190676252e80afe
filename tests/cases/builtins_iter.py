# enumerate, zip, list, tuple, dict constructors; iterating their results.
print(list(enumerate("abc")), list(enumerate(["x", "y"], 1)), list(enumerate([], 5)), list(enumerate("ab", start=10)))
print(list(zip([1, 2, 3], "abc")), list(zip([1, 2], "abcd", (True, False, None))), list(zip()), list(zip([1, 2])))
print(dict(zip(["a", "b"], [1, 2])), dict(enumerate("xy")), tuple(zip("ab", "cd")))
print(list("hi"), list((1, 2)), list({"k": 1, "j": 2}), list({"k": 1}.values()), list(range(3)))
print(tuple([1, 2]), tuple("ab"), tuple({"a": 0}), tuple())
print(dict([("a", 1), ["b", 2]]), dict(a=1), dict({"x": 1}, y=2), dict([(1, 2)], z=3))
names = ["ann", "bob", "cy"]
ages = [31, 27, 45]
for i, (n, a) in enumerate(zip(names, ages)):
    print(i, n, a)
e = enumerate(["p", "q"])
print(list(e), list(e))
z = zip([1, 2], [3, 4])
print(list(z), list(z))
print(sum([a * b for a, b in zip(range(5), range(5, 10))]))
transposed = list(zip([1, 2, 3], [4, 5, 6], [7, 8, 9]))
print(transposed)
d = dict(zip("abcde", range(5)))
print(d, list(d.items())[1:3])
print(len(list(enumerate(range(100)))), list(enumerate(range(3)))[2])
