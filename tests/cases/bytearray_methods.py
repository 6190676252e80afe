# bytearray's share of the bytes methods: results are bytearrays, arguments any bytes-like object.
ba = bytearray(b'  Hello, World!  ')
for name in ['upper', 'lower', 'title', 'capitalize', 'swapcase', 'strip', 'lstrip', 'rstrip', 'split', 'rsplit',
             'splitlines', 'isalpha', 'isdigit', 'isspace', 'isalnum', 'isupper', 'islower', 'istitle', 'isascii', 'hex']:
    r = getattr(ba, name)()
    print(name, repr(r), type(r).__name__)
b = bytearray(b'a,b,,c')
print(b.split(b','), b.split(bytearray(b',')), b.split(memoryview(b','), 1), b.rsplit(b',', 1), b.partition(b','), b.rpartition(b','))
print(b.replace(b',', b';'), b.replace(bytearray(b','), memoryview(b'--'), 2), b.count(b','), b.count(44), b.find(b'c'), b.rfind(b','),
      b.index(b'b'), b.rindex(44), b.startswith(b'a,'), b.endswith((b'x', bytearray(b'c'))), b.startswith(b',', 1))
print(b.center(10, b'*'), b.ljust(8), b.rjust(8, bytearray(b'.')), b.zfill(9), bytearray(b'a\tb').expandtabs(4),
      b.removeprefix(b'a,'), b.removesuffix(bytearray(b',c')), b.strip(b'ac'), bytearray(b'xxhixx').strip(memoryview(b'x')))
print(bytearray(b'-').join([b'a', bytearray(b'b'), memoryview(b'c')]), bytearray().join([]), bytearray(b'ab').join([]),
      type(bytearray(b'').join([b'x'])).__name__)
print(bytearray(b'abc').translate(bytes.maketrans(b'abc', b'xyz')), bytearray(b'abc').translate(None, b'b'),
      bytearray.maketrans(b'a', b'b')[97], bytearray.fromhex('de ad be ef'), bytearray(b'\x01\xff').hex('-'),
      bytearray(b'\x01\x02\x03').hex(':', 2), bytearray(b'line1\nline2\r\n').splitlines(True))
print(bytearray(b'hello').decode(), bytearray('héllo', 'utf-8').decode('utf-8'), bytearray(b'\xff').decode('latin-1'),
      bytearray(b'\xff').decode('utf-8', 'replace'), bytearray('abc', encoding='ascii'), bytearray(source=b'q'))
print(b'abc'.find(bytearray(b'c')), b'a-b'.split(bytearray(b'-')), b'abc'.startswith(memoryview(b'ab')),
      b'x'.join([bytearray(b'1'), memoryview(b'2')]), b'abc'.replace(bytearray(b'b'), memoryview(b'B')),
      bytearray(b'b') in b'abc', memoryview(b'bc') in bytearray(b'abc'), b'%b' % bytearray(b'z'), b'%c' % bytearray(b'y'))
print(bytearray(b'x=%d y=%s') % (1, b'2'), bytearray(b'%(k)s') % {b'k': b'v'}, type(bytearray(b'%s') % b'a').__name__)
print(str(bytearray(b'abc'), 'ascii'), 'ab'.encode() == bytearray(b'ab'), bytearray(b'ab') != 'ab', int.from_bytes(bytearray(b'\x00\x10'), 'big'),
      int.from_bytes(memoryview(b'\xff\xff'), 'little', signed=True), (1024).to_bytes(2, 'big') == bytearray(b'\x04\x00'))
print(list(bytearray(b'abc')), sorted(bytearray(b'cab')), bytearray(b'ab') + bytearray(b'cd'), bytearray(b'ab') + memoryview(b'!'),
      3 * bytearray(b'ab'), bytearray(b'ab') * 0, bytearray(range(5)), bytearray(x for x in (65, 66)), bytearray(2.0 .__int__()))
print(repr(bytearray(b'\x00\'"\n\\')), repr(bytearray(b"it's")), str(bytearray(b'q')), bytearray(b'ab') == bytearray(b'ab'),
      bytearray(b'a') <= b'a', bytearray(b'b') > memoryview(b'a') if False else 'skip', bytearray(b'abc')[::-1], bytearray(b'abcdef')[1::2])


class BA(bytearray):
    pass


s = BA(b'sub')
print(s, repr(s), type(s).__name__, type(s.upper()).__name__, type(s + b'x').__name__, s == b'sub', len(s), isinstance(s, bytearray))
s.append(33)
s.attr = 5
print(s, s.attr, type(BA.fromhex('41')).__name__, bytes(s), bytearray(s), type(s.copy()).__name__)
print(bytearray(b'ab').__reduce_ex__(2), bytearray(b'ab').__reduce_ex__(4),
      bytearray().__reduce_ex__(3))
print(bytearray(b'x').__alloc__() >= 2, bytearray().__alloc__(), bytearray.__name__, bytearray.__hash__, type(iter(bytearray(b'a'))).__name__ if False else 'it')
