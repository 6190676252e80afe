# A class adding an attribute dict below a slot-less subclass of a builtin with inline data (tuple, str,
# bytes): the dict must go after the data, not over it. namedtuple subclasses (dis.Instruction) are the
# common case.
import collections


class Pair(tuple):
    __slots__ = ()


class NamedPair(Pair):
    pass


p = tuple.__new__(NamedPair, [1, 2])
p.label = "first"
print(p, p.label, p.__dict__, len(p), p[1])


class Text(str):
    __slots__ = ()


class Tagged(Text):
    pass


t = Tagged("hello")
t.tag = 3
print(t, t.tag, t.upper(), len(t))


class Raw(bytes):
    __slots__ = ()


class Marked(Raw):
    pass


b = Marked(b"\x00\x01abc")
b.mark = [1, 2]
print(b, b.mark, b[2:])


class Point(collections.namedtuple("Point", "x y")):
    def norm(self):
        return abs(self.x) + abs(self.y)


q = Point(3, -4)
q.note = "moved"
print(q, q.norm(), q._replace(x=10), q.note, q._asdict())
