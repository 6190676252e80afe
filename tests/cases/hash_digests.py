# The digest modules hashlib falls back on: _sha512 (sha512, sha384), _sha256 (sha256, sha224), _sha1, _md5.
# Messages of every length around the block and padding boundaries, incremental updates, copy(), attributes and
# the error messages.
import _md5
import _sha1
import _sha256
import _sha512

constructors = [_sha512.sha512, _sha512.sha384, _sha256.sha256, _sha256.sha224, _sha1.sha1, _md5.md5]
for n in [0, 1, 3, 55, 56, 63, 64, 65, 111, 112, 119, 127, 128, 129, 255, 1000]:
    data = bytes((i * 7 + n) % 256 for i in range(n))
    print(n, " ".join(c(data).hexdigest()[:24] for c in constructors))
for c in constructors:
    h = c(b"The quick brown fox ")
    print(h.name, h.digest_size, h.block_size, h.hexdigest())
    snapshot = h.copy()
    h.update(b"jumps over the lazy dog")
    print(h.digest() == c(b"The quick brown fox jumps over the lazy dog").digest(), snapshot.hexdigest() == c(b"The quick brown fox ").hexdigest())
    for chunk in range(0, 300, 7):
        h.update(bytes(range(chunk % 256))[:chunk])
    print(h.hexdigest())
print(type(_sha512.sha512()), type(_md5.md5()).__module__, _sha256.sha256(string=b"abc").hexdigest())
print(_sha1.sha1(b"abc", usedforsecurity=False).hexdigest(), len(_sha512.sha512(b"x").digest()))
for expr in ["_sha512.sha512('text')", "_sha512.sha512(5)", "_md5.md5().update('s')", "_md5.md5().update()",
             "_sha1.sha1(b'', b'')", "_sha1.sha1(data=b'')", "type(_md5.md5())()", "_sha256.sha224().digest(1)"]:
    try:
        print(expr, "->", eval(expr))
    except Exception as e:
        print(expr, "!!", type(e).__name__, e)
