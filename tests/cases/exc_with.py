# with statements: several items, __exit__ arguments, suppression by returning True, exceptions in __enter__.
class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress


with Resource("a") as a, Resource("b") as b:
    print("body", a, b)
with Resource("outer", suppress=True):
    with Resource("inner"):
        raise ValueError("boom")
    print("not reached")
print("after suppressed")
try:
    with Resource("plain"):
        raise KeyError("escapes")
except KeyError as e:
    print("caught", repr(e))


def returns_inside():
    with Resource("ret"):
        return "returned"


print(returns_inside())
for i in range(3):
    with Resource(f"loop{i}", suppress=True):
        if i == 1:
            continue
        if i == 2:
            break
        print("loop body", i)


class BadEnter:
    def __enter__(self):
        raise RuntimeError("enter failed")

    def __exit__(self, *args):
        print("never called")


try:
    with Resource("first"), BadEnter():
        print("not reached")
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    with 5:
        pass
except TypeError as e:
    print("TypeError:", e)


def gen_with():
    with Resource("in generator"):
        yield 1
        yield 2


print(list(gen_with()))
