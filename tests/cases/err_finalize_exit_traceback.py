# An uncaught exception: the traceback is printed first, then the finalizers of objects still in globals run.
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def make(name):
    return Noisy(name)


first = make("first")
second = make("second")
print("raising")
raise ValueError("boom")
