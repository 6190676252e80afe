# Objects still referenced by module globals are finalized at exit, after the program's last line, in the
# order of the globals (insertion order); an object's attributes die after it.
class Noisy:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child

    def __del__(self):
        print("del", self.name)


def make(name, child_name=None):
    return Noisy(name, Noisy(child_name) if child_name else None)


b = make("b")
a = make("a", "a.child")
c = make("c")
print("end of program")
