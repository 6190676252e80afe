# bytearray as a mutable sequence: item and slice assignment (extended slices included), deletion, the list-like
# methods, += and *=, and the export lock that keeps a bytearray from resizing while a memoryview holds it.
ba = bytearray(b'0123456789')
ba[0] = 65
ba[-1] = 0x5a
print(ba)
ba[1:3] = b'xyz'
print(ba)
ba[1:4] = []
print(ba)
ba[::2] = b'abcd'
print(ba)
ba[1::3] = bytearray(b'XYZ')
print(ba)
ba[::-1] = ba
print(ba)
ba[2:2] = memoryview(b'<>')
print(ba)
ba[5:] = (1, 2, 3)
print(ba)
ba[len(ba):] = range(65, 68)
print(ba)
del ba[0]
del ba[-2:]
print(ba)
del ba[::2]
print(ba)
del ba[::-3]
print(ba)
del ba[5:1]
print(ba)
b = bytearray(b'abcdef')
b[1:5:2] = []
print(b)
for op in ['append', 'extend', 'insert', 'pop', 'remove', 'reverse', 'clear', 'copy']:
    c = bytearray(b'hello')
    args = {'append': (33,), 'extend': ([1, 2],), 'insert': (-2, 45), 'pop': (), 'remove': (108,), 'reverse': (),
            'clear': (), 'copy': ()}[op]
    r = getattr(c, op)(*args)
    print(op, repr(r), c)
c = bytearray(b'abc')
c.extend(bytearray(b'de'))
c.extend(memoryview(b'f'))
c.extend(iter([103]))
c.extend(x for x in b'h')
c.insert(100, 105)
c.insert(-100, 64)
print(c, c.pop(0), c.pop(-1), c.pop(2), c)
d = bytearray(b'ab')
alias = d
d += b'cd'
d += bytearray(b'ef')
d += memoryview(b'g')
d *= 2
print(d, alias is d)
d *= 0
print(d, alias is d)
e = bytearray(b'xy')
e[0:1] = e
print(e)
e.extend(e)
print(e)
m = memoryview(e)
for action in [lambda: e.append(1), lambda: e.extend(b'z'), lambda: e.pop(), lambda: e.clear(), lambda: e.insert(0, 1),
               lambda: e.remove(120), lambda: e.__iadd__(b'q'), lambda: e.__imul__(2), lambda: e.__delitem__(0),
               lambda: e.__setitem__(slice(0, 1), b'qq')]:
    try:
        action()
        print('ok', e)
    except BufferError as exc:
        print('BufferError', exc)
e[0] = 81
e[0:2] = b'ab'
e.reverse()
print(e, m.tobytes())
m.release()
e.append(33)
print(e)
with memoryview(e) as m2:
    m3 = m2[1:]
    m2.release()
    try:
        e.append(1)
    except BufferError as exc:
        print('still exported:', exc)
    m3.release()
e.append(1)
print(e, len(e))
