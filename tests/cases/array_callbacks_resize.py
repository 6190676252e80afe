# array methods whose item conversion (__index__, __float__) or comparison (__eq__) runs Python code that
# resizes the array: positions and sizes are read again after the callback, as CPython reads them.
import array

# The reported crash: insert's position was clamped before the conversion emptied the array.
a = array.array('i', [1, 2, 3])
class Clear:
    def __index__(self):
        del a[:]
        return 5
a.insert(3, Clear())
print(a)

# CPython converts the item of append/insert/extend twice (a check, then the store), and once for
# array(typecode, list), fromlist and item assignment.
calls = 0
class Counted:
    def __index__(self):
        global calls
        calls += 1
        return 7
    def __float__(self):
        global calls
        calls += 1
        return 7.5
for code in 'bhiqQd':
    for name, op in [('append', lambda x: x.append(Counted())), ('insert', lambda x: x.insert(1, Counted())),
                     ('extend', lambda x: x.extend([Counted(), Counted()])),
                     ('extend_gen', lambda x: x.extend(Counted() for _ in range(2))),
                     ('fromlist', lambda x: x.fromlist([Counted()])),
                     ('setitem', lambda x: x.__setitem__(0, Counted())),
                     ('new_list', lambda x: array.array(code, [Counted(), Counted()])),
                     ('new_tuple', lambda x: array.array(code, (Counted(),))),
                     ('new_gen', lambda x: array.array(code, (Counted() for _ in range(2))))]:
        calls = 0
        x = array.array(code, [1, 2, 3])
        op(x)
        print(code, name, calls, x.tolist())

# A conversion that appends: insert moves the tail as it stood before the first conversion.
b = array.array('i', [1, 2, 3])
class Grow:
    n = 0
    def __index__(self):
        Grow.n += 1
        if Grow.n == 1:
            b.append(9)
        return 5
b.insert(1, Grow())
print(b)

# Item assignment keeps the position the key named before the conversion ran.
c = array.array('i', [1, 2, 3])
class AppendOnce:
    done = False
    def __index__(self):
        if not AppendOnce.done:
            AppendOnce.done = True
            c.append(4)
        return 8
c[-1] = AppendOnce()
print(c)
d = array.array('i', [1, 2, 3])
class Shrink:
    def __index__(self):
        del d[:]
        return 8
d[2] = Shrink()
print(d)

# remove(): the __eq__ that matches empties the array; nothing is left to remove.
e = array.array('i', [1, 2, 3])
class EqClear:
    def __eq__(self, other):
        if other == 2:
            del e[:]
            return True
        return False
    __hash__ = None
print(e.remove(EqClear()), e)
e = array.array('i', [1, 2, 3])
print(e.index(EqClear()), e)
e = array.array('i', [1, 2, 3, 2])
print(e.count(EqClear()), e, EqClear() in array.array('i', [0]))

# fromlist(): a conversion that changes the list's size is refused, and the array is left as it was.
lst = [1, 2, 3]
class GrowList:
    def __index__(self):
        lst.append(0)
        return 1
lst.insert(1, GrowList())
f = array.array('i', [7])
try:
    f.fromlist(lst)
except RuntimeError as exc:
    print('RuntimeError', exc, f)

# array(typecode, list) reads as many items as the list had at the start.
g_list = [1, 2, 3]
class Truncate:
    def __index__(self):
        del g_list[1:]
        return 4
g_list[0] = Truncate()
try:
    print(array.array('i', g_list))
except IndexError as exc:
    print('IndexError', exc)
g_list = [1, 2]
class Extend:
    def __index__(self):
        g_list.append(5)
        return 4
g_list[0] = Extend()
print(array.array('i', g_list), len(g_list))

# A bytes-like initializer of bytes or bytearray (subclasses too) is read as machine values, as frombytes; a
# memoryview is iterated like any other iterable.
class BA(bytearray):
    pass
print(array.array('h', bytearray(b'\x01\x00')), array.array('h', BA(b'\x02\x00\x03\x00')),
      array.array('h', b'\x04\x00'), array.array('h', memoryview(b'\x01\x00')))
try:
    array.array('i', bytearray(b'\x01\x00'))
except ValueError as exc:
    print('ValueError', exc)
