# Lib's gzip, zipfile and tarfile (gz) over the native zlib: files written and read back in a temporary directory,
# with byte-identical archives where the format allows it (fixed mtimes and dates).
import gzip, zipfile, tarfile, os, tempfile, io, zlib
data = b"The quick brown fox jumps over the lazy dog.\n" * 500
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, "a.txt.gz")
    with gzip.GzipFile(p, "wb", mtime=0) as f:
        f.write(data)
    raw = open(p, "rb").read()
    print(len(raw), zlib.crc32(raw))
    with gzip.open(p, "rb") as f:
        print(f.read() == data)
    with gzip.open(p, "rt", encoding="utf-8") as f:
        print(f.readline(), end="")
    c = gzip.compress(data, mtime=0)
    print(len(c), gzip.decompress(c) == data, gzip.decompress(c + c) == data * 2)
    z = os.path.join(d, "a.zip")
    with zipfile.ZipFile(z, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("x.txt", date_time=(2020, 1, 1, 0, 0, 0)), data, compress_type=zipfile.ZIP_DEFLATED)
        zf.writestr(zipfile.ZipInfo("y.bin", date_time=(2020, 1, 1, 0, 0, 0)), bytes(range(256)))
        zf.writestr(zipfile.ZipInfo("caf\u00e9.txt", date_time=(2021, 2, 3, 4, 5, 6)), "h\u00e9".encode(), compress_type=zipfile.ZIP_DEFLATED)
    archive = open(z, "rb").read()
    print(len(archive), zlib.crc32(archive))
    with zipfile.ZipFile(z) as zf:
        print(zf.namelist(), [i.compress_size for i in zf.infolist()], zf.read("x.txt") == data, zf.testzip())
        print(zf.read("caf\u00e9.txt").decode(), [(i.filename, i.CRC, i.date_time) for i in zf.infolist()])
        with zf.open("x.txt") as f:
            print(f.read(10))
    t = os.path.join(d, "a.tar.gz")
    src = os.path.join(d, "src.txt")
    with open(src, "wb") as f:
        f.write(data)
    with tarfile.open(t, "w:gz") as tf:
        tf.add(src, arcname="src.txt")
    with tarfile.open(t, "r:gz") as tf:
        print(tf.getnames(), [m.size for m in tf.getmembers()])
        print(tf.extractfile("src.txt").read() == data)
for bad in [b"junk", gzip.compress(b"abc", mtime=0)[:-3]]:
    try:
        gzip.decompress(bad)
    except Exception as e:
        print(type(e).__name__, e)
print(b"caf\xe9 \xc7".decode("cp437"), "\u00c7a".encode("cp437"), b"abc".decode("utf-16-le", "replace"))
