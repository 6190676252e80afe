x = "global x"


class Scope:
    x = "class x"
    y = x + "!"
    names = [x for _ in range(2)]

    def method(self):
        return x

    def method_class(self):
        return self.x, Scope.x


print(Scope.y, Scope.names, Scope().method(), Scope().method_class())


def outer():
    v = "enclosing"

    class Inner:
        w = v
        u = "class-level"
        z = [v + "+" + c for c in "ab"]

        def get(self):
            return v

    return Inner


I = outer()
print(I.w, I.u, I.z, I().get(), I.__qualname__)


class Counter:
    instances = []

    def __init__(self):
        Counter.instances.append(self)
        self.id = len(Counter.instances)


a, b = Counter(), Counter()
print([c.id for c in Counter.instances], a.instances is b.instances)


class Shadow:
    def len(self):
        return "method len"

    def use(self):
        return len("abc"), self.len()


print(Shadow().use())


class Attr:
    pass


Attr.dynamic = lambda self: "dynamic method"
obj = Attr()
print(obj.dynamic())
obj.instance_fn = lambda: "instance function"
print(obj.instance_fn())
