# range objects: repr, len, indexing, slicing, membership, iteration with steps and negatives.
print(range(5), range(1, 5), range(1, 10, 2), range(10, 0, -3), range(0))
print(list(range(5)), list(range(2, 7)), list(range(0, 20, 5)), list(range(10, 0, -3)), list(range(5, 5)), list(range(5, 0)))
print(len(range(10)), len(range(1, 10, 2)), len(range(10, 0, -3)), len(range(0)), len(range(-5, 5)))
r = range(3, 30, 4)
print(r[0], r[1], r[-1], r[-2], r[2:5], r[::-1], r.index(11), r.count(11), 11 in r, 12 in r, 31 in r)
print(range(2 ** 70, 2 ** 70 + 10)[5], len(range(0, 2 ** 40, 3)))
print(range(0, 10) == range(0, 10, 1), range(0) == range(5, 5), range(1, 2) == range(1, 3))
total = 0
for i in range(1, 1001):
    total += i
print(total)
for i in range(-3, 3):
    print(i, end=" ")
print()
for i in range(20, -1, -5):
    print(i, end=",")
print()
print(sum(range(101)), max(range(7)), min(range(3, 9)), sorted(range(5), reverse=True))
print(list(reversed(range(4))), list(enumerate(range(3, 6))), tuple(range(3)))
print(range(10).start, range(1, 10, 2).stop, range(1, 10, 2).step)
