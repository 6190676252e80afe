class Outer:
    def get_class(self):
        return __class__

    def name(self):
        return __class__.__name__


class Inner(Outer):
    pass


print(Outer().get_class() is Outer, Inner().get_class() is Outer, Inner().name())


class Counter:
    total = 0

    def bump(self):
        __class__.total += 1
        return __class__.total


c = Counter()
c.bump()
print(c.bump(), Counter.total)


def factory(base):
    class Made(base):
        def who(self):
            return "Made<" + super().who() + ">"
    return Made


class Root:
    def who(self):
        return "Root"


M1 = factory(Root)
M2 = factory(M1)
print(M1().who(), M2().who())


class Nested:
    class Inner:
        def where(self):
            return __class__.__qualname__

    def make(self):
        return self.Inner()


print(Nested().make().where(), Nested.Inner.__qualname__)
