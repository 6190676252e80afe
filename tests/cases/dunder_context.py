class Resource:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.swallow


with Resource("a") as r:
    print("body", r.name)
with Resource("outer"), Resource("inner"):
    print("nested body")
with Resource("quiet", swallow=True):
    raise ValueError("hidden")
print("after quiet")
try:
    with Resource("loud"):
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))


class NotCM:
    pass


try:
    with NotCM():
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__ + ":", e)
