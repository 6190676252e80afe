# At exit, module globals are finalized first in dict order, then what they hold one level down (attributes,
# dict values, list and tuple items — the last item first), as CPython's collector reaches them.
class A:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child

    def __del__(self):
        print("del", self.name)


x = A("x", A("x.child", A("x.child.child")))
items = [A("items[0]"), A("items[1]")]
y = A("y")
pair = (A("pair[0]"), A("pair[1]"))
table = {"k": A("table['k']")}
print("end of program")
