class Base:
    def greet(self, who):
        return f"Base greets {who}"

    @classmethod
    def make(cls):
        return f"Base.make for {cls.__name__}"

    @staticmethod
    def helper(x):
        return x * 2


class Child(Base):
    def greet(self, who):
        return "Child+" + super(Child, self).greet(who)

    @classmethod
    def make(cls):
        return "Child+" + super().make()

    def twice(self, x):
        return super().helper(x)

    def explicit(self):
        return Base.greet(self, "explicit")


c = Child()
print(c.greet("you"))
print(Child.make())
print(c.make())
print(c.twice(21))
print(c.explicit())
print(super(Child, c).greet("direct"))
print(super(Child, Child).make())
s = super(Child, c)
print(type(s).__name__)


class Later(Base):
    def greet(self, who):
        f = lambda: super(Later, self).greet(who)
        return "lambda " + f()


print(Later().greet("x"))

try:
    super(Child, 5)
except TypeError as e:
    print("TypeError:", e)


def no_class():
    return super()


try:
    no_class()
except RuntimeError as e:
    print("RuntimeError:", e)

try:
    super(Child, c).missing
except AttributeError as e:
    print("AttributeError:", e)
