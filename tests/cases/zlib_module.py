# The native zlib module (over the system's zlib, as CPython's): compress/decompress at every level and wbits
# (zlib, raw and gzip containers), bufsize, compressobj/decompressobj streaming with flush modes, max_length,
# unconsumed_tail, unused_data, eof, copy, preset dictionaries, crc32/adler32 start values, the constants and
# CPython's zlib.error and argument messages.
import zlib

def t(f):
  try: print(repr(f()))
  except Exception as e: print(type(e).__name__, e)
data = b"hello world " * 1000 + bytes(range(256))
for level in range(-1, 10):
    c = zlib.compress(data, level)
    print(level, len(c), zlib.crc32(c), zlib.decompress(c) == data)
for wbits in [9, 15, -9, -15, 25, 31]:
    c = zlib.compress(data, 6, wbits)
    print(wbits, len(c), zlib.adler32(c), zlib.decompress(c, wbits) == data, zlib.decompress(c, 47 if wbits > 0 else wbits) == data)
print(zlib.decompress(zlib.compress(data), bufsize=1) == data, zlib.decompress(zlib.compress(data), 15, 0) == data)
t(lambda: zlib.decompress(b'abc'))
t(lambda: zlib.decompress(zlib.compress(b'hello')[:-2]))
t(lambda: zlib.decompress(b''))
t(lambda: zlib.compress(b'x', 10)); t(lambda: zlib.compress(b'x', wbits=100)); t(lambda: zlib.compress('x'))
t(lambda: zlib.decompress(b'x', bufsize=-1)); t(lambda: zlib.decompress(b'x', wbits=100))
c=zlib.compressobj(zdict=b'hello'); d=c.compress(b'hello hello')+c.flush()
t(lambda: zlib.decompress(d)); t(lambda: zlib.decompressobj().decompress(d)); t(lambda: zlib.decompressobj(zdict=b'hello').decompress(d))
c=zlib.compressobj(); c.compress(b'a'); c.flush(); t(lambda: c.compress(b'b')); t(lambda: c.flush()); t(lambda: c.copy())
d=zlib.decompressobj(); d.decompress(zlib.compress(b'a')); d.flush(); t(lambda: d.decompress(b'x')); t(lambda: d.copy()); t(lambda: d.flush())
t(lambda: zlib.compressobj(level=20)); t(lambda: zlib.compressobj(method=9)); t(lambda: zlib.compressobj(zdict='x')); t(lambda: zlib.decompressobj(zdict='x'))
t(lambda: zlib.decompressobj(wbits=99)); t(lambda: zlib.decompressobj().decompress(b'', -1)); t(lambda: zlib.decompressobj().flush(0))
t(lambda: zlib.crc32(b'a', -1)); t(lambda: zlib.crc32(b'a', 2**70+5)); t(lambda: zlib.crc32(b'a', 'x')); t(lambda: zlib.crc32('a'))
t(lambda: zlib.adler32(b'abc', 1.0)); t(lambda: zlib.compress(b'x', level=2**40))
t(lambda: type(zlib.compressobj())()); t(lambda: zlib.decompressobj().decompress(b'x\x9c', max_length=-1))
t(lambda: zlib.decompressobj().decompress(b'junkjunk'))
t(lambda: zlib.decompress(b'\x78\x9c\x03\x00\x00\x00\x00\x01extra'))
t(lambda: zlib.compressobj().flush(zlib.Z_NO_FLUSH))
t(lambda: zlib.decompress(zlib.compress(b'abc',wbits=-15)))
c=zlib.compressobj(); d=zlib.decompressobj()
t(lambda: c.compress()); t(lambda: c.compress(b'a', b'b')); t(lambda: c.flush(1,2)); t(lambda: c.copy(1)); t(lambda: c.__deepcopy__())
t(lambda: d.decompress()); t(lambda: d.decompress(b'', 1, 2)); t(lambda: d.flush(1,2)); t(lambda: setattr(d,'eof',1)); t(lambda: d.decompress(data=b''))
t(lambda: zlib.compress()); t(lambda: zlib.compress(b'', 1, 2, 3)); t(lambda: zlib.crc32()); t(lambda: zlib.crc32(b'', 1, 2)); t(lambda: zlib.crc32(b'', value=1))
t(lambda: zlib.decompressobj(1,2,3)); t(lambda: zlib.compressobj(foo=1)); t(lambda: c.compress('x')); t(lambda: zlib.compressobj(zdict=b'x'*2).flush(7))
t(lambda: zlib.compressobj(wbits=16+15).flush()[:3]); t(lambda: zlib.decompressobj(zdict=b'abc', wbits=-15).decompress(b'x'))
# streaming
co = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_FILTERED)
parts = [co.compress(data[i:i+777]) for i in range(0, len(data), 777)]
fork = co.copy()
parts.append(co.flush(zlib.Z_SYNC_FLUSH)); parts.append(co.compress(b'tail')); parts.append(co.flush())
stream = b''.join(parts)
print(len(stream), zlib.crc32(stream), len(fork.flush()))
do = zlib.decompressobj(-15)
out = b''
chunk = stream + b'UNUSED'
while chunk:
    out += do.decompress(chunk, 100)
    chunk = do.unconsumed_tail
    if do.eof: break
print(out == data + b'tail', do.eof, do.unused_data, do.unconsumed_tail, len(out))
do = zlib.decompressobj(-15)
piece = do.decompress(stream[:50], 10)
snap = do.copy()
print(len(piece), len(do.unconsumed_tail), do.eof, len(do.flush()), do.eof, len(snap.decompress(snap.unconsumed_tail + stream[50:])), snap.eof)
d2 = zlib.decompressobj(); r = d2.decompress(zlib.compress(b'abc') + b'xyz'); print(r, d2.unused_data, d2.eof); r = d2.decompress(b'more'); print(r, d2.unused_data)
print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.DEF_MEM_LEVEL, zlib.DEF_BUF_SIZE, zlib.Z_BEST_COMPRESSION, zlib.Z_DEFAULT_COMPRESSION, zlib.Z_RLE, zlib.Z_FIXED, zlib.Z_TREES, zlib.Z_BLOCK, zlib.ZLIB_VERSION, zlib.ZLIB_RUNTIME_VERSION, zlib.__version__, zlib.error.__module__, zlib.error.__mro__)
print(type(zlib.compressobj()), type(zlib.decompressobj()).__name__, zlib.crc32(b'abc', 5), zlib.adler32(b'abc', 0), zlib.crc32(b''), zlib.adler32(b''), zlib.crc32(memoryview(b'xyz')), zlib.crc32(bytearray(b'q')))

import copy as copy_module
c = zlib.compressobj(); head = c.compress(b'abc')
print(zlib.decompress(head + copy_module.copy(c).flush()), zlib.decompress(head + copy_module.deepcopy(c).flush()))
# Flush modes and strategies give CPython's exact bytes.
text = bytes((i * i + i // 7) % 251 for i in range(20000))
for strategy in [zlib.Z_DEFAULT_STRATEGY, zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE, zlib.Z_FIXED]:
    for mem_level in [1, 8, 9]:
        co = zlib.compressobj(6, zlib.DEFLATED, 15, mem_level, strategy)
        out = co.compress(text[:5000])
        for mode in [zlib.Z_PARTIAL_FLUSH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_BLOCK, zlib.Z_NO_FLUSH]:
            out += co.flush(mode) + co.compress(text[5000:6000])
        out += co.flush()
        print(strategy, mem_level, len(out), zlib.crc32(out), zlib.decompress(out) == text[:5000] + text[5000:6000] * 5)
print(zlib.crc32(text), zlib.adler32(text), zlib.crc32(text[100:], zlib.crc32(text[:100])), zlib.adler32(text[7:], zlib.adler32(text[:7])))
print(zlib.crc32(b"abc", 0xFFFFFFFF), zlib.adler32(b"abc", -1), zlib.crc32(b"abc", True))
