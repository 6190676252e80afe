class V:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        if not isinstance(other, V):
            return NotImplemented
        return self.n == other.n

    def __lt__(self, other):
        if not isinstance(other, V):
            return NotImplemented
        return self.n < other.n

    def __le__(self, other):
        return self.n <= other.n

    def __repr__(self):
        return f"V{self.n}"


a, b, c = V(1), V(2), V(1)
print(a == c, a != c, a == b, a != b, a < b, b > a, a <= c, c >= a)
print(a == 1, a != 1, 1 == a)
print(sorted([V(3), V(1), V(2)]), max(V(5), V(9)), min([V(4), V(0)]))
print(V(1) in [V(0), V(1)], [V(1), V(2)].index(V(2)))
try:
    a < 1
except TypeError as e:
    print("TypeError:", e)
try:
    a > "x"
except TypeError as e:
    print("TypeError:", e)


class Plain:
    pass


p = Plain()
print(p == p, p != p, p == Plain())
try:
    p < p
except TypeError as e:
    print("TypeError:", e)


class Always:
    def __eq__(self, other):
        return True


print(Always() == 5, 5 == Always(), Always() != 5)


class Rev:
    def __gt__(self, other):
        return "Rev.__gt__"


print(3 < Rev())
