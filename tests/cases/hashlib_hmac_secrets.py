# Lib's hashlib, hmac and secrets over minipy's native digest modules: importing them is silent (no "code for
# hash blake2b was not found" on stderr), hashlib.new() knows every guaranteed algorithm, hmac and
# pbkdf2_hmac give the reference's values, secrets' tokens have the right shape.
import hashlib
import hmac
import secrets
import warnings

print(sorted(hashlib.algorithms_guaranteed))
print(hashlib.algorithms_guaranteed <= hashlib.algorithms_available)
for name in sorted(hashlib.algorithms_guaranteed):
    for data in [b"", b"minipy", bytes(range(256)) * 4]:
        h = hashlib.new(name, data)
        text = h.hexdigest(20) if name.startswith("shake") else h.hexdigest()
        print(name, h.name, h.digest_size, h.block_size, len(data), text)
    constructor = getattr(hashlib, name)
    h = constructor(b"abc")
    other = h.copy()
    other.update(b"def")
    size = 16 if name.startswith("shake") else None
    digest = (lambda x: x.digest(size)) if size else (lambda x: x.digest())
    print(name, digest(other) == digest(constructor(b"abcdef")), digest(h) == digest(hashlib.new(name, b"abc")))
print(hashlib.new("SHA256", b"x").hexdigest(), hashlib.new("MD5").name)
print(hashlib.sha256(b"x", usedforsecurity=False).hexdigest()[:16])
print(hashlib.blake2b(b"x", digest_size=16, key=b"key", salt=b"salt", person=b"person").hexdigest())
print(hashlib.blake2s(b"x", digest_size=8).hexdigest())
for expr in ["hashlib.new('nonexistent')", "hashlib.new('sha256', 'text')", "hashlib.sha3_256().hexdigest()[:8]",
             "hashlib.blake2b(digest_size=100)"]:
    try:
        print(expr, "->", eval(expr))
    except Exception as e:
        print(expr, "!!", type(e).__name__, e)

# hmac with names, constructors and modules as digestmod.
for digestmod in ["md5", "sha1", "sha256", "sha512", "sha3_256", "blake2b", hashlib.sha224, hashlib.blake2s,
                  hashlib.sha3_512]:
    for key in [b"", b"key", b"k" * 200]:
        mac = hmac.new(key, b"The quick brown fox", digestmod)
        print(mac.name, mac.digest_size, mac.block_size, mac.hexdigest())
mac = hmac.new(b"key", digestmod="sha256")
mac.update(b"part one, ")
fork = mac.copy()
mac.update(b"part two")
print(mac.hexdigest() == hmac.new(b"key", b"part one, part two", "sha256").hexdigest(),
      fork.hexdigest() == hmac.new(b"key", b"part one, ", "sha256").hexdigest())
print(hmac.digest(b"key", b"msg", "sha1").hex(), hmac.compare_digest(b"abc", b"abc"), hmac.compare_digest("a", "b"))
for expr in ["hmac.new(b'key', b'msg')", "hmac.new('key', b'msg', 'sha256')",
             "hmac.compare_digest('a', b'a')"]:
    try:
        print(expr, "->", eval(expr))
    except Exception as e:
        print(expr, "!!", type(e).__name__, e)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # minipy runs hashlib's Python pbkdf2_hmac, which warns it is deprecated
    print(hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 100).hex())
    print(hashlib.pbkdf2_hmac("sha1", b"password", b"salt", 2, 30).hex())

# secrets: random, so only the shapes.
print(len(secrets.token_hex()), len(secrets.token_hex(5)), len(secrets.token_bytes(7)), type(secrets.token_bytes()))
print(len(secrets.token_urlsafe(12)), secrets.choice("aaa"), 0 <= secrets.randbelow(10) < 10, secrets.randbits(0))
print(all(c in "0123456789abcdef" for c in secrets.token_hex(64)), secrets.compare_digest(b"x", b"x"))
