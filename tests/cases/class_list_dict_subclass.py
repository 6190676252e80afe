class Stack(list):
    def push(self, x):
        self.append(x)

    def peek(self):
        return self[-1]


s = Stack()
s.push(1)
s.push(2)
s.extra = "attr"
print(s, len(s), s.peek(), s.pop(), s, isinstance(s, list), type(s).__name__, s.extra)
s2 = Stack([5, 6, 7])
print(s2, sum(s2), sorted(s2, reverse=True), s2[1:])


class Defaulting(dict):
    def __missing__(self, key):
        return f"no {key}"

    def total(self):
        return sum(self.values())


d = Defaulting(a=1, b=2)
print(d["a"], d.total(), len(d), isinstance(d, dict), sorted(d.items()))


class CountingDict(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key, value * 2)


c = CountingDict()
c["x"] = 5
print(c, c["x"])
