# Python code that runs in the middle of a native container operation (a comparison, a key function, __index__,
# __hash__, __repr__, an iterator) and changes the container under it. CPython raises or copes; the VM must
# never read freed or out-of-range storage. Each line prints what happened (issue #12, item 1).


def attempt(label, fn):
    try:
        print(label, "->", fn())
    except KeyError as e:  # its message is the key's repr, which holds an address
        print(label, "->", type(e).__name__ + ":", type(e.args[0]).__name__)
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


# list += list: the source is the list whose storage moves while it grows.
l = list(map(str, range(10 ** 5)))
l += l
print("l += l", len(l), l[0], l[10 ** 5], l[-1])
t = [1, 2, 3]
t.extend(t)
print("extend self", t)
t[1:1] = t
print("slice-assign self", t)

# sort: the key or a comparison clears, extends or appends to the list.
l = list(range(10))
attempt("sort key clears", lambda: (l.sort(key=lambda x: l.clear() or x), l)[1])
l = list(range(10))
attempt("sort key appends", lambda: l.sort(key=lambda x: l.append(1) or -x))
print("after", l)
l = list(range(10))
attempt("sort key extends", lambda: l.sort(key=lambda x: l.extend(range(3)) or x))
print("after", l)
seen_inside = []
l = [3, 1, 2]
l.sort(key=lambda x: seen_inside.append(list(l)) or x)
print("the list is empty while sorting", seen_inside, l)


class Mutating:
    def __init__(self, v, target):
        self.v = v
        self.target = target

    def __lt__(self, other):
        self.target.append(0)
        return self.v < other.v

    def __repr__(self):
        return f"M{self.v}"


ml = []
ml.extend(Mutating(v, ml) for v in (4, 2, 3, 1))
attempt("sort __lt__ appends", lambda: ml.sort())
print("after", sorted(m.v for m in ml), len(ml))


class RaisesLt:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        if self.v == 3 or other.v == 3:
            raise ArithmeticError("no order")
        return self.v < other.v


rl = [RaisesLt(v) for v in (5, 3, 4, 1, 2, 9, 8, 7, 6, 0, 11, 10)]
attempt("sort __lt__ raises", lambda: rl.sort())
print("still a permutation", sorted(r.v for r in rl))


# count/index/remove/in whose __eq__ grows or clears the list.
class Grows:
    def __init__(self, target):
        self.target = target

    def __eq__(self, other):
        self.target.append(1)
        return False


class Clears:
    def __init__(self, target):
        self.target = target

    def __eq__(self, other):
        self.target.clear()
        return False


g = []
g += [Grows(g), Grows(g)]
attempt("count grows", lambda: (g.count(5), len(g)))
g = []
g += [Grows(g), Grows(g)]
attempt("index grows", lambda: g.index(5))
g = []
g += [Grows(g), Grows(g)]
attempt("remove grows", lambda: g.remove(5))
c = []
c += [Clears(c), 1, 2, 3]
attempt("count clears", lambda: (c.count(5), c))
c = []
c += [Clears(c), 1, 2, 3]
attempt("in clears", lambda: (5 in c, c))
c = []
c += [Clears(c), 1, 2, 3]
attempt("index clears", lambda: c.index(3))
c = []
c += [Clears(c), 1, 2, 3]
attempt("index start/stop", lambda: c.index(5, 0, 100))
c = []
c += [Clears(c), 1, 2, 3]
attempt("remove clears", lambda: (c.remove(5), c))
a = []
a += [Clears(a), 2]
b = [1, 2]
attempt("== clears", lambda: (a == b, a))
a = []
a += [Clears(a), 2]
attempt("< clears", lambda: (a < [1, 3], a))


class ReprClears:
    def __init__(self, target):
        self.target = target

    def __repr__(self):
        self.target.clear()
        return "R"


r = []
r += [ReprClears(r), ReprClears(r), 3]
attempt("repr clears", lambda: repr(r))


class IndexClears:
    def __init__(self, target, value):
        self.target = target
        self.value = value

    def __index__(self):
        self.target.clear()
        return self.value


l = [1, 2, 3]
attempt("getitem __index__ clears", lambda: l[IndexClears(l, 1)])
l = [1, 2, 3]
attempt("setitem __index__ clears", lambda: l.__setitem__(IndexClears(l, 2), 9))
l = [1, 2, 3]
attempt("slice __index__ clears", lambda: l[IndexClears(l, 0):IndexClears(l, 3)])
l = [1, 2, 3]
attempt("del slice __index__ clears", lambda: (l.__delitem__(slice(IndexClears(l, 0), 2)), l))
l = [1, 2, 3, 4]
attempt("index() __index__ clears", lambda: l.index(4, IndexClears(l, 0)))
l = [1, 2, 3]
attempt("insert __index__ clears", lambda: (l.insert(IndexClears(l, 5), 0), l))
l = [1, 2, 3]
attempt("pop __index__ clears", lambda: l.pop(IndexClears(l, 1)))

# slice assignment from a generator that changes the list.
l = [1, 2, 3, 4, 5, 6]
l[2:5] = (l.clear() or x for x in range(3))
print("slice from clearing generator", l)
l = [1, 2, 3, 4, 5, 6]
l[4:5] = (l.extend([7, 8]) or x for x in range(2))
print("slice from extending generator", l)
l = list(range(6))
l[::2] = (l.append(0) or x for x in "abc")
print("extended slice from growing generator", l)

# huge and extreme slice steps (signed overflow in the index arithmetic).
print("[::-2**63]", [1, 2][::-2 ** 63], [1, 2, 3][::-2 ** 63 + 1], [1, 2][::2 ** 63])
print("tuple/str/range", (1, 2)[::-2 ** 63], "ab"[::-2 ** 63], range(5)[::-2 ** 63], b"xy"[::-2 ** 63])
l = [1, 2, 3]
del l[::-2 ** 63]
print("del [::-2**63]", l)
l = [1, 2, 3]
l[::-2 ** 63] = ["z"]
print("assign [::-2**63]", l)
print("huge bounds", [1, 2, 3][-2 ** 100:2 ** 100], [1, 2, 3][2 ** 100:-2 ** 100:-1])


# set and dict lookups whose __eq__ clears or refills the container.
class ClearsSet:
    def __hash__(self):
        return 1

    def __eq__(self, other):
        S.clear()
        return False


S = {ClearsSet()}
S.add(ClearsSet())
print("set.add clears", len(S))
S = {ClearsSet(), 2}
attempt("set in clears", lambda: (ClearsSet() in S, len(S)))
S = {ClearsSet()}
attempt("set.discard clears", lambda: (S.discard(ClearsSet()), len(S)))
S = {ClearsSet()}
attempt("set.remove clears", lambda: S.remove(ClearsSet()) or "removed")


class Refills:
    n = 0

    def __hash__(self):
        return 1

    def __eq__(self, other):
        Refills.n += 1
        if Refills.n < 200:
            D.clear()
            D.update({Refills(): i for i in range(3)})
        return False


D = {}
D[Refills()] = 1
D[Refills()] = 2
print("dict refilled by __eq__ terminates", len(D) > 0, Refills.n >= 200)


class AlwaysRefills:
    def __hash__(self):
        return 7

    def __eq__(self, other):
        E[len(E) + 1000] = 0  # grows the dict (new keys, other hashes) on every comparison
        return False


E = {AlwaysRefills(): 1}
E[AlwaysRefills()] = 2
print("dict grown by __eq__", len(E))


class ClearsDict:
    def __hash__(self):
        return 3

    def __eq__(self, other):
        F.clear()
        return False


F = {ClearsDict(): 1}
attempt("dict get clears", lambda: (F.get(ClearsDict()), len(F)))
F = {ClearsDict(): 1}
attempt("dict del clears", lambda: F.__delitem__(ClearsDict()) or "deleted")
F = {ClearsDict(): 1}
F[ClearsDict()] = 5
print("dict set clears", len(F))
F = {ClearsDict(): 1, 2: 3}
attempt("dict == clears", lambda: F == {ClearsDict(): 1, 2: 3})

# bytearray: a value's __index__ or an iterator changes the bytearray being assigned to.
ba = bytearray(b"abcdef")
attempt("bytearray item __index__ clears", lambda: ba.__setitem__(5, IndexClears(ba, 65)))
print("after", ba)
ba = bytearray(b"abcdef")
ba[1:3] = (ba.clear() or x for x in b"XY")
print("bytearray slice from clearing generator", ba)
ba = bytearray(b"abcdef")
attempt("bytearray extended slice", lambda: ba.__setitem__(slice(0, 6, 2), (ba.extend(b"12") or x for x in b"XYZ")))
print("after", ba)

# heapq and bisect with comparisons that change the list.
import heapq
import bisect


class HeapClears:
    def __init__(self, v, target):
        self.v = v
        self.target = target

    def __lt__(self, other):
        self.target.clear()
        return self.v < other.v


h = []
h.extend(HeapClears(v, h) for v in (5, 3, 8, 1))
attempt("heapify clears", lambda: heapq.heapify(h))
h = []
h.extend(HeapClears(v, h) for v in (1, 3, 5))
attempt("heappush clears", lambda: heapq.heappush(h, HeapClears(0, h)))
h = []
h.extend(HeapClears(v, h) for v in (1, 3, 5))
attempt("heappop clears", lambda: heapq.heappop(h).v)
b = []
b.extend(HeapClears(v, b) for v in (1, 3, 5, 7))
attempt("bisect clears", lambda: bisect.bisect(b, HeapClears(4, b)))
b = []
b.extend(HeapClears(v, b) for v in (1, 3, 5, 7))
attempt("insort clears", lambda: (bisect.insort(b, HeapClears(4, b)), len(b)))

# deque methods that compare.
from collections import deque


class DequeClears:
    def __eq__(self, other):
        dq.clear()
        return False


dq = deque([DequeClears(), 1, 2])
attempt("deque.count clears", lambda: dq.count(2))
dq = deque([DequeClears(), 1, 2])
attempt("deque.index clears", lambda: dq.index(2))
dq = deque([DequeClears(), 1, 2])
attempt("deque.remove clears", lambda: dq.remove(2))
dq = deque([DequeClears(), 1, 2])
attempt("deque in clears", lambda: 2 in dq)

# min/max/sorted/str.join over a list that a key or __str__-free path changes.
l = [3, 1, 2]
attempt("max key clears", lambda: max(l, key=lambda x: l.clear() or x))
l = [3, 1, 2]
attempt("sorted key clears", lambda: sorted(l, key=lambda x: l.clear() or x))
l = ["a", "b"]
print("join", "-".join(l))


class JoinClears:
    def __iter__(self):
        return iter(["x", "y"])


print("join from iterable", ",".join(JoinClears()))
l = [(1, 2)]
print("dict from pairs", dict(l))
print("range huge steps", range(0, 10, 2 ** 40)[::2 ** 40], range(10)[::-2 ** 63 + 1], range(10)[2:8:3])
