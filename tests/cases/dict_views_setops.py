# Set operations on dict views. Sets of strs print in hash order, which CPython randomises: sort those.
d = {'a': 1, 'b': 2, 'c': 3}
e = {'b': 5, 'c': 3, 'd': 4}
print(sorted(d.keys() & e.keys()), d.keys() | e.keys() == {'a', 'b', 'c', 'd'}, sorted(d.keys() - e.keys()),
      sorted(d.keys() ^ e.keys()))
print(d.items() & e.items(), d.keys() & ['a', 'z'], type(d.keys() & []).__name__)
print({1: 0, 2: 0, 3: 0}.keys() | {5, 4}, [3, 1] - {1: 0}.keys(), {1, 2} - {1: 0}.keys(), [7, 1] | {1: 0}.keys())
print(d.keys() == {'a', 'b', 'c'}, d.keys() == ['a', 'b', 'c'], d.keys() < {'a', 'b', 'c', 'z'}, d.keys() >= {'a'})
print(d.keys() != e.keys(), d.items() == {('a', 1), ('b', 2), ('c', 3)}, d.keys() == e.keys() | {'a'} - {'d'})
print(d.keys().isdisjoint(['x']), d.items().isdisjoint({('a', 1)}), e.keys().isdisjoint(d.keys()))
print(list(reversed(d.keys())), list(reversed(d.values())), list(reversed(d.items())))
ints = {i: i for i in range(20)}
print(ints.keys() & set(range(5, 30)), set(range(5, 30)) & ints.keys())
print(ints.keys() ^ {3, 50, 7}, {3, 50, 7} ^ ints.keys(), ints.keys() - range(3, 18))
print(ints.items() - {(1, 1), (2, 3)} == {(i, i) for i in range(20) if i != 1})
for bad in (lambda: d.keys() & 5, lambda: d.keys() < 3, lambda: d.values() | {1}, lambda: d.keys() - [[1]]):
    try:
        bad()
    except TypeError as ex:
        print("TypeError:", ex)
