# The native _bz2 and _lzma modules (over the system's libbz2 and liblzma, as CPython's): one-shot and
# incremental (de)compression byte-identical to CPython's, max_length/needs_input/unused_data/eof, the xz, alone
# and raw formats with checks, presets and filter chains, filter properties, BZ2File/LZMAFile and tarfile, and
# the errors for truncated, corrupt and hostile streams (never a crash).
import bz2, io, lzma, tarfile, zlib, _lzma

def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)

data = b"".join(b"line %d: the quick brown fox\n" % i for i in range(3000))
for level in (1, 5, 9):
    c = bz2.compress(data, level)
    print("bz2", level, len(c), zlib.crc32(c), bz2.decompress(c) == data)
d = bz2.BZ2Decompressor()
c = bz2.compress(data)
out = b""
for i in range(0, len(c), 1000):
    out += d.decompress(c[i:i + 1000], max_length=5000)
    while not d.needs_input and not d.eof:
        out += d.decompress(b"", max_length=5000)
print(out == data, d.eof, d.unused_data, d.needs_input)
t(lambda: d.decompress(b"more"))
d = bz2.BZ2Decompressor()
print(len(d.decompress(c + b"trailing", 10)), d.needs_input, d.eof)
print(len(d.decompress(b"", -1)), d.eof, d.unused_data)
print(bz2.decompress(c + c) == data + data, bz2.compress(b""), bz2.decompress(b""))
comp = bz2.BZ2Compressor(3)
parts = [comp.compress(data[:100]), comp.compress(data[100:]), comp.flush()]
print(bz2.decompress(b"".join(parts)) == data)
t(lambda: comp.flush()); t(lambda: comp.compress(b"x"))
t(lambda: bz2.BZ2Compressor(0)); t(lambda: bz2.BZ2Compressor("9")); t(lambda: bz2.BZ2Decompressor(1))
t(lambda: bz2.compress("text"))
for bad in (c[:-10], c[:50], b"BZh9" + b"\x00" * 40, b"not bz2 at all", c[:4] + b"\xff" * 100):
    t(lambda: len(bz2.decompress(bad)))
d = bz2.BZ2Decompressor()
t(lambda: d.decompress(b"BZh91AY&SY" + b"\x00" * 100))
print(d.needs_input, d.eof)
t(lambda: d.decompress(b"x"))
buf = io.BytesIO()
with bz2.BZ2File(buf, "wb") as f:
    f.write(data)
buf.seek(0)
with bz2.BZ2File(buf) as f:
    print(f.readline(), len(f.read()), f.tell())

for fmt, check in [(lzma.FORMAT_XZ, lzma.CHECK_CRC64), (lzma.FORMAT_XZ, lzma.CHECK_NONE),
                   (lzma.FORMAT_XZ, lzma.CHECK_SHA256), (lzma.FORMAT_ALONE, -1)]:
    c = lzma.compress(data, format=fmt, check=check)
    dec = lzma.LZMADecompressor()
    print("lzma", fmt, check, len(c), zlib.crc32(c), dec.decompress(c) == data, dec.check, dec.eof)
for preset in (0, 6 | lzma.PRESET_EXTREME):
    print("preset", preset, len(lzma.compress(data, preset=preset)))
chain = [{"id": lzma.FILTER_X86, "start_offset": 0}, {"id": lzma.FILTER_DELTA, "dist": 4},
         {"id": lzma.FILTER_LZMA2, "preset": 3, "dict_size": 1 << 20, "lc": 3, "lp": 0, "pb": 2,
          "mode": lzma.MODE_NORMAL, "nice_len": 64, "mf": lzma.MF_BT4, "depth": 0}]
c = lzma.compress(data, format=lzma.FORMAT_RAW, filters=chain)
print("raw", len(c), lzma.decompress(c, format=lzma.FORMAT_RAW, filters=chain) == data)
c = lzma.compress(data, format=lzma.FORMAT_XZ, filters=chain[1:])
print("xz chain", len(c), lzma.decompress(c) == data)
c = lzma.compress(data, format=lzma.FORMAT_ALONE, filters=[{"id": lzma.FILTER_LZMA1, "preset": 1}])
print("alone chain", len(c), lzma.decompress(c) == data)
print(_lzma._encode_filter_properties({"id": lzma.FILTER_LZMA2, "dict_size": 1 << 22}),
      _lzma._decode_filter_properties(lzma.FILTER_LZMA2, b"\x10"),
      _lzma._decode_filter_properties(lzma.FILTER_DELTA, b"\x07"),
      _lzma._decode_filter_properties(lzma.FILTER_ARM, b"\x10\0\0\0"))
print([lzma.is_check_supported(c) for c in (0, 1, 4, 10, 15, 16)], lzma.CHECK_UNKNOWN, lzma.PRESET_EXTREME)
c = lzma.compress(data)
dec = lzma.LZMADecompressor()
out = dec.decompress(c + b"junk", max_length=100)
print(len(out), dec.needs_input, dec.eof, dec.check)
while not dec.eof:
    out += dec.decompress(b"", max_length=70000)
print(out == data, dec.unused_data, dec.needs_input)
t(lambda: dec.decompress(b"x"))
for bad in (c[:-10], c[:30], b"\xfd7zXZ\x00" + b"\x00" * 50, b"plain text", c[:12] + b"\xff" * 200):
    t(lambda: len(lzma.decompress(bad)))
t(lambda: lzma.decompress(c, memlimit=1024))
for args in [dict(format=lzma.FORMAT_RAW), dict(format=lzma.FORMAT_ALONE, check=lzma.CHECK_CRC32),
             dict(preset=1, filters=chain), dict(format=9), dict(preset=99), dict(check=3),
             dict(format=lzma.FORMAT_RAW, filters=[{"id": 12345}]), dict(format=lzma.FORMAT_RAW, filters=[{}]),
             dict(format=lzma.FORMAT_RAW, filters=[{"id": lzma.FILTER_LZMA2, "lc": -1}]),
             dict(format=lzma.FORMAT_RAW, filters=[{"id": lzma.FILTER_DELTA}] * 5),
             dict(format=lzma.FORMAT_ALONE, filters=chain), dict(format=lzma.FORMAT_RAW, filters={})]:
    t(lambda: lzma.LZMACompressor(**args))
for args in [dict(format=lzma.FORMAT_RAW), dict(format=lzma.FORMAT_XZ, filters=chain),
             dict(format=lzma.FORMAT_RAW, memlimit=5, filters=chain), dict(memlimit=-1), dict(format="xz")]:
    t(lambda: lzma.LZMADecompressor(**args))
comp = lzma.LZMACompressor()
comp.compress(b"x"); comp.flush()
t(lambda: comp.flush()); t(lambda: comp.compress(b"y"))
buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode="w:xz") as tar:
    info = tarfile.TarInfo("hello.txt")
    info.size = len(data)
    tar.addfile(info, io.BytesIO(data))
buf.seek(0)
with tarfile.open(fileobj=buf, mode="r:*") as tar:
    print(tar.getnames(), len(tar.extractfile("hello.txt").read()))
with lzma.LZMAFile(io.BytesIO(lzma.compress(data) + lzma.compress(b"second"))) as f:
    print(len(f.read()), f.tell())
