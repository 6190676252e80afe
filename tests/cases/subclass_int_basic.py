# int subclasses: construction, inherited operations give plain ints, hashing and keys, formatting.
class MyInt(int):
    pass

x = MyInt(21)
print(x, repr(x), type(x).__name__, isinstance(x, int), issubclass(MyInt, int), type(x) is MyInt)
print(MyInt(), MyInt("ff", 16), MyInt("0x1f", 0), MyInt(3.9), MyInt(-2.5), MyInt("  42  "), MyInt(True))
for r in (x + 1, 1 + x, x - 1, x * 2, x // 4, x % 4, x ** 2, -x, +x, abs(MyInt(-3)), ~x, x << 1, x >> 1,
          x & 5, x | 8, x ^ 1):
    print(r, type(r).__name__)
print(x / 2, divmod(x, 4), pow(x, 2, 5), round(x), x.bit_length(), x.real, x.numerator, x.denominator)
print(x == 21, x != 21, x < 22, x >= 21, 21 == x, x == 21.0, MyInt(0) == False)
print(hash(x) == hash(21), hash(MyInt(-1)) == hash(-1), hash(MyInt(10**20)) == hash(10**20))
d = {MyInt(1): "one", 2: "two"}
print(d[1], d[MyInt(2)], MyInt(1) in d, 1 in {MyInt(1)}, {MyInt(1), 1, True})
print(str(x), f"{x}", f"{x:05d}", f"{x:x}", f"{x:>6}|", "%d|%5d|%x" % (x, x, x), "{} {:b}".format(x, x))
print(int(x), type(int(x)).__name__, float(x), bool(x), bool(MyInt()))
print(list(range(MyInt(3))), list(range(MyInt(1), MyInt(7), MyInt(2))), "ab"[MyInt(1)], [1, 2, 3][MyInt(-1)])
print(sorted([MyInt(3), 1, MyInt(2), 0]), sum([MyInt(1), MyInt(2), 3]), max(MyInt(4), 2), min([MyInt(5), MyInt(6)]))
print(type(sum([MyInt(1), MyInt(2)])).__name__, type(max(MyInt(4), 2)).__name__)
print("abc" * MyInt(2), [0] * MyInt(3), chr(MyInt(65)), hex(MyInt(255)), bin(MyInt(5)), oct(MyInt(8)))
x.label = "answer"
print(x.label, x.__dict__, vars(x), hasattr(MyInt(1), "label"))
big = MyInt(10**25)
print(big, big + 1, big * big, big // 3, big % 7, -big, type(big + 1).__name__, big > 10**24)
print(isinstance(big, MyInt), MyInt(2**62), MyInt(-2**62), MyInt(2**62 - 1) + 1)
