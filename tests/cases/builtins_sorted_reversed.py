# sorted with key/reverse (stable), reversed over sequences, min/max consistency with sorted.
data = [5, 2, 9, 1, 5, 6, -3, 0]
print(sorted(data), sorted(data, reverse=True), data)
print(sorted("hello"), sorted(("b", "a", "c")), sorted({"z": 1, "a": 2}), sorted([]), sorted(range(5, 0, -1)))
print(sorted([3.5, 1, 2.25, -1, 0.0]), sorted(["b", "A", "a", "B"]))
def second(p):
    return p[1]
def neg(x):
    return -x
def lower(s):
    return s.lower()
pairs = [("a", 3), ("b", 1), ("c", 2), ("d", 1), ("e", 3)]
print(sorted(pairs, key=second))
print(sorted(pairs, key=second, reverse=True))
print(sorted(data, key=neg), sorted(data, key=abs))
print(sorted(["banana", "Apple", "cherry", "apple"], key=lower))
print(sorted(["bb", "a", "ccc", "dd", "e"], key=len), sorted(["bb", "a", "ccc", "dd", "e"], key=len, reverse=True))
print(sorted([[2, "b"], [1, "a"], [2, "a"]]), sorted([(1, 2), (1,), ()]))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1, 2))), list(reversed(range(3))), list(reversed([])))
print("".join(reversed("stressed")), [x for x in reversed(range(0, 10, 3))])
words = "the quick brown fox jumps over the lazy dog".split()
print(sorted(words), sorted(words, key=len), sorted(words, key=len, reverse=True))
r = reversed([1, 2, 3])
print(list(r), list(r))
big = [(i * 7919) % 1009 for i in range(50)]
s = sorted(big)
print(s[:10], s[-5:], s == sorted(big, reverse=True)[::-1])
