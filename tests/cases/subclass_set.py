# set subclasses: extra methods, mutation through inherited methods, overrides of add and __contains__.
class Registry(set):
    def register(self, *names):
        for n in names:
            self.add(n)
        return self

    def sorted_names(self):
        return sorted(self)


r = Registry()
r.register("b", "a").register("c")
print(r.sorted_names(), len(r), "a" in r, type(r).__name__, isinstance(r, set))
r.discard("b")
r |= {"z"}
r.update(["y"])
print(sorted(r), type(r).__name__, type(r | {"q"}).__name__, type(r.copy()).__name__, r == {"a", "c", "y", "z"})
r.owner = "me"
print(r.owner, r.__dict__, bool(Registry()), bool(r), sorted(Registry("hello")))


class Logged(set):
    def __init__(self, items=()):
        self.log = []
        super().__init__(items)

    def add(self, item):
        self.log.append(item)
        super().add(item)

    def __contains__(self, item):
        self.log.append(("check", item))
        return super().__contains__(item)


s = Logged([1, 2])
s.add(3)
print(sorted(s), 2 in s, 9 in s, s.log, len(s))
print(Logged([1]) == Logged([1]), sorted(Logged(range(3)) & {1, 2, 5}))
try:
    hash(s)
except TypeError as e:
    print("TypeError", e)
try:
    {s: 1}
except TypeError as e:
    print("TypeError", e)
