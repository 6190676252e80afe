# bytearray's errors, with CPython's messages.
ba = bytearray(b'abc')
tests = [
    lambda: ba[3], lambda: ba['x'], lambda: ba.__setitem__(0, 256), lambda: ba.__setitem__(0, -1),
    lambda: ba.__setitem__(0, b'x'), lambda: ba.__setitem__(slice(0, 1), 5), lambda: ba.__setitem__(slice(0, 1), 'ab'),
    lambda: ba.__setitem__(slice(0, 1), [300]), lambda: ba.__setitem__(slice(None, None, 2), b'xyz'),
    lambda: ba.__delitem__(10), lambda: bytearray().pop(), lambda: ba.pop(7), lambda: ba.remove(122), lambda: ba.append(256),
    lambda: ba.append('a'), lambda: ba.extend(5), lambda: ba.extend('ab'), lambda: ba.extend([1, 'x']), lambda: ba.insert(0, 999),
    lambda: bytearray('abc'), lambda: bytearray(-1), lambda: bytearray([1, 256]), lambda: bytearray(1.5),
    lambda: bytearray(b'x', 'utf-8'), lambda: bytearray('x', errors='strict'), lambda: bytearray(1, 2, 3, 4),
    lambda: bytearray(foo=1), lambda: bytearray('é', 'ascii'), lambda: hash(ba), lambda: {ba: 1}, lambda: ba + 'x',
    lambda: ba + [1], lambda: 'x' + ba, lambda: ba < 'abc', lambda: ba * 'x', lambda: ba.decode('nope'),
    lambda: bytearray(b'\xff').decode(), lambda: ba.find('a'), lambda: ba.split(1), lambda: ba.join([1]),
    lambda: ba.center(10, 'x'), lambda: ba.upper(1), lambda: ba.startswith('a'), lambda: 'a' in ba, lambda: 300 in ba,
    lambda: bytearray.fromhex('zz'), lambda: bytearray(b'%d') % 'x', lambda: bytearray(b'%s %s') % (1,), lambda: ba.copy(1),
    lambda: ba.__alloc__(1), lambda: ba.translate(b'short'), lambda: ba.replace(b'a'),
    lambda: ba.__iadd__(5), lambda: ba.__iadd__([1]), lambda: int.from_bytes(5, 'big'),
]
for f in tests:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(ba)
ba[5]
