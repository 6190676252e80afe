# _struct (what struct re-exports): every format code in every byte order, alignment, sizes, round trips,
# half floats, pack_into/unpack_from/iter_unpack, Struct objects and subclasses, and every error message.
import _struct as struct
tests = ["struct.pack('b', 200)","struct.pack('B', -1)","struct.pack('h', 2**15)","struct.pack('H', -1)","struct.pack('i', 2**31)","struct.pack('I', -1)","struct.pack('I', 2**32)","struct.pack('l', 2**63)","struct.pack('L', -1)","struct.pack('q', 2**63)","struct.pack('Q', -1)","struct.pack('n', 2**63)","struct.pack('N', -1)","struct.pack('<i', 2**31)","struct.pack('<I', -1)","struct.pack('<I', 2**32)","struct.pack('<l', 2**31)","struct.pack('<q', 2**63)","struct.pack('<Q', 2**64)","struct.pack('<Q', -1)","struct.pack('<b', 128)","struct.pack('>H', 70000)","struct.pack('>h', -40000)","struct.pack('P', -1)","struct.pack('P', 2**64-1)","struct.pack('P', 2**64)",
"struct.pack('i', 1.5)","struct.pack('i', 'a')","struct.pack('f', 'a')","struct.pack('f', 1e300)","struct.pack('<f', 1e300)","struct.pack('<f', 3.4028235e38)","struct.pack('e', 1e10)","struct.pack('c', b'ab')","struct.pack('c', 'a')","struct.pack('s', 'a')","struct.pack('p', 1)","struct.pack('i')","struct.pack('i', 1, 2)","struct.pack('z', 1)","struct.pack('<n', 1)","struct.pack('3', 1)","struct.pack(1)","struct.unpack('i', b'abc')","struct.unpack_from('i', b'abc', 1)","struct.unpack_from('i', b'abcdefg', -10)","struct.unpack_from('i', b'abcdefg', 10)","struct.unpack_from('i', b'abcdefg', -4)","struct.unpack_from('i', buffer=b'abcdefg', offset=2)","struct.iter_unpack('i', b'abcde')","struct.iter_unpack('', b'')","struct.calcsize('i i')","struct.calcsize('3 i')","struct.calcsize('99999999999999999999i')","struct.calcsize('@bi')","struct.calcsize('=bi')","struct.Struct('i').format","struct.Struct(b'>h').format","struct.pack('?', [])","struct.pack('i', True)","struct.unpack('?', b'\\x02')","struct.pack('5s', b'ab')","struct.pack('2p', b'abc')","struct.pack('300p', b'a'*300)[:3]","struct.unpack('3p', b'\\x05ab')","struct.pack('e', 65520.0)","struct.pack('e', 65519.99)", "struct.pack('f', float('nan'))", "struct.pack('d', 1)", "struct.pack('>e', 1.5e-7)", "struct.pack_into('i', b'abcd', 0, 1)", "struct.Struct()", "struct.Struct('i', 1)","struct.pack('0s')","struct.pack('x')","struct.calcsize('xiQ?')","struct.calcsize('c0i')", "struct.Struct('ii').unpack(b'x'*7)", "struct.unpack('<e', b'\\x00\\x7c')", "struct.unpack('<e', b'\\x01\\x7c')", "struct.pack('Q', 2**64-1)", "struct.unpack('>QqP', struct.pack('>Qq', 2**64-1, -2**63) + b'' if False else b'\\xff'*16)", "list(struct.iter_unpack('<hH', bytes(range(16))))", "struct.calcsize('@ci')", "struct.calcsize('@cq0s?d')", "struct.pack('@ci3sxd', b'a', -5, b'xyz', 2.5)", "struct.unpack('@ci3sxd', struct.pack('@ci3sxd', b'a', -5, b'xyz', 2.5))", "struct.pack('!IhbQ', 1, -2, 3, 4)", "struct.unpack('<eeee', struct.pack('<eeee', 1.0, -2.5, 6.1e-5, 1e-7))", "struct.pack('>e', 5.960464477539063e-08)", "struct.pack('>e', 2.9802322387695312e-08)", "struct.pack('>e', 2.98023223876953126e-08)", "struct.pack('<e', 65504.0)", "struct.pack('<e', -0.0)", "struct.pack('>f', -1.1)", "struct.unpack('>f', b'\\x3f\\x8c\\xcc\\xcd')", "struct.pack('i', -0)", "struct.pack('3i', 1, 2)", "struct.Struct('>L').size", "struct.pack('<L', 2**32-1)", "struct.pack('<L', 2**32)", "struct.calcsize('')", "struct.pack('')", "struct.unpack('', b'')", "struct.pack('=q', -1)", "struct.pack(b'i', 7)", "struct.calcsize('ñ')"]
for t in tests:
    try: print(t, "->", repr(eval(t)))
    except Exception as e: print(t, "!!", type(e).__name__, e)
class I:
    def __index__(self): return 65
print(struct.pack('<iBq', I(), I(), I()))
s = struct.Struct('<2h'); print(s.size, s.format, s.pack(1, 2), s.unpack(b'\x01\x00\x02\x00'), s.unpack_from(b'xx\x01\x00\x02\x00', 2))
it = struct.iter_unpack('<h', b'\x01\x00\x02\x00'); print(it.__length_hint__(), next(it), it.__length_hint__(), list(it))
class S(struct.Struct):
    pass
print(S('>h').pack(5), isinstance(S('i'), struct.Struct))
# round trips of every integer code at its limits, in each byte order
for order in "@=<>!":
    for code, lo, hi in [("b", -128, 127), ("B", 0, 255), ("h", -2**15, 2**15 - 1), ("H", 0, 2**16 - 1),
                         ("i", -2**31, 2**31 - 1), ("I", 0, 2**32 - 1), ("q", -2**63, 2**63 - 1), ("Q", 0, 2**64 - 1),
                         ("l", -2**31, 2**31 - 1), ("L", 0, 2**32 - 1)]:
        fmt = order + code + code
        packed = struct.pack(fmt, lo, hi)
        print(fmt, packed.hex(), struct.unpack(fmt, packed), struct.calcsize(fmt))
for v in [0.0, -0.0, 1.5, -2.75, 1e-300, 1e300, 3.141592653589793, float("inf"), 65504.0, 6e-8, 1e-5, 0.1]:
    for fmt in ["<d", ">d", "<f", ">f", "<e", ">e"]:
        try:
            print(fmt, v, struct.pack(fmt, v).hex(), struct.unpack(fmt, struct.pack(fmt, v)))
        except OverflowError as e:
            print(fmt, v, "OverflowError", e)
print(struct.calcsize("@bhilqnNPefd?cxsp"), struct.calcsize("=bhilqefd?cxsp"), struct.calcsize("@3s2h5p"))
print(struct.pack("4s", "ñ".encode()), struct.unpack("<5p", b"\x09abcd"), struct.pack("<0p", b"abc"))
print(struct.calcsize("i i"), struct.calcsize(" >  h  h "), struct._clearcache())
