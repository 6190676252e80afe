# A traceback's tb_frame (what types.py reads for FrameType), and Lib's types and copy on top of it.
import sys
try:
    raise TypeError("t")
except TypeError as exc:
    tb = exc.__traceback__
    print(type(tb).__name__, type(tb.tb_frame).__name__, tb.tb_frame.f_code.co_name, tb.tb_lineno)
    print(tb.tb_frame.f_globals is globals(), sorted(tb.tb_frame.f_locals) == sorted(globals()))
def f(n):
    local = n * 2
    raise ValueError(n)
def g():
    try:
        f(3)
    except ValueError as e:
        t = e.__traceback__
        names = []
        while t:
            names.append((t.tb_frame.f_code.co_name, t.tb_lineno))
            t = t.tb_next
        return names
print(g())
import types, copy
print(types.FrameType.__name__, types.TracebackType.__name__)
class Point:
    def __init__(self, x, y): self.x, self.y = x, y
    def __repr__(self): return f"Point({self.x}, {self.y})"
class Shape:
    def __init__(self, pts): self.pts = pts
s = Shape([Point(1, 2), Point(3, 4)])
d = copy.deepcopy(s); c = copy.copy(s)
print(d.pts, d.pts is s.pts, c.pts is s.pts, d.pts[0] is s.pts[0])
