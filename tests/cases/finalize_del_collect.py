# __del__ runs once the collector finds an instance unreachable; gc.collect() makes that happen at a known point.
import gc


class Resource:
    def __init__(self, name):
        self.name = name
        print("open", name)

    def __del__(self):
        print("close", self.name)


class Child(Resource):
    pass


def use(name):
    r = Resource(name)
    print("using", r.name)


def make_child():
    return Child("child")


use("first")
gc.collect()
print("after first")
holder = [make_child()]
print("still held")
holder.clear()
gc.collect()
print("after child")


class NoDel:
    pass


def plenty():
    for i in range(100):
        NoDel()


plenty()
gc.collect()
print("done")
