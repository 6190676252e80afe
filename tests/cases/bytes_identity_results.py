# Which bytes operations hand back an existing object (the receiver, a lone item, the separator) and which make a new
# one; partition returns its operands themselves, as CPython's stringlib does for immutable types.
b = bytes([104, 101, 108, 108, 111])
cases = {
 'replace none': lambda: b.replace(b'z', b'y'),
 'replace 0': lambda: b.replace(b'l', b'L', 0),
 'strip': lambda: b.strip(),
 'lstrip z': lambda: b.lstrip(b'z'),
 'rstrip': lambda: b.rstrip(),
 'center 2': lambda: b.center(2),
 'ljust 5': lambda: b.ljust(5),
 'rjust 1': lambda: b.rjust(1),
 'zfill 3': lambda: b.zfill(3),
 'expandtabs': lambda: b.expandtabs(),
 'translate None': lambda: b.translate(None),
 'translate None del': lambda: b.translate(None, b'z'),
 'removeprefix': lambda: b.removeprefix(b'z'),
 'removesuffix': lambda: b.removesuffix(b''),
 'partition': lambda: b.partition(b'z')[0],
 'rpartition': lambda: b.rpartition(b'z')[2],
 'split': lambda: b.split()[0],
 'split z': lambda: b.split(b'z')[0],
 'rsplit': lambda: b.rsplit()[0],
 'splitlines': lambda: b.splitlines()[0],
 'slice': lambda: b[:],
 'slice2': lambda: b[0:5],
 'mul1': lambda: b * 1,
 'add empty': lambda: b + b'',
 'bytes(b)': lambda: bytes(b),
 'join one': lambda: b''.join([b]),
 'lower': lambda: b.lower(),
 'mod': lambda: b % (),
}
for k, f in cases.items():
    print(k, f() is b)
print(b'x'.join([b]) is b, bytearray(b'x').join([b]) is b, b'x'.join([bytearray(b)]))
class B(bytes): pass
class S(str): pass
for r in (B(b'ab').partition(b'z'), B(b'ab').rpartition(b'z'), B(b'ab').partition(b'a'), S('ab').partition('z'), S('ab').rpartition('z'), S('ab').partition('abc'), 'ab'.partition(S('a')), 'ab'.partition(S('abc')),
          b'ab'.partition(bytearray(b'a')), b'ab'.rpartition(bytearray(b'b')), bytearray(b'ab').partition(b'a'), bytearray(b'ab').partition(b'z'), b'ab'.partition(memoryview(b'a'))[1].__class__):
    print(r if not isinstance(r, tuple) else (r, [type(x).__name__ for x in r]))
sep = ''.join(['l', 'l'])
print('hello'.partition(sep)[1] is sep, 'hello'.rpartition(sep)[1] is sep)
print(B(b'ab')[:].__class__, (B(b'ab') + b'').__class__, (b'' + B(b'ab')).__class__, b[::1] is b, b[::-1], b[0:5:1] is b, b + bytearray() is b)
