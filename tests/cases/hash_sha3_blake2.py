# The _sha3 (SHA-3, SHAKE) and _blake2 (BLAKE2b, BLAKE2s) modules hashlib falls back on: messages of every
# length around the sponge rates and block sizes, incremental updates and copy(), every BLAKE2 parameter,
# known-answer vectors from FIPS 202 and RFC 7693, attributes and the error messages.
import _blake2
import _sha3

sha3 = [_sha3.sha3_224, _sha3.sha3_256, _sha3.sha3_384, _sha3.sha3_512]
shake = [_sha3.shake_128, _sha3.shake_256]
blake = [_blake2.blake2b, _blake2.blake2s]

# Lengths around every rate (72, 104, 136, 144, 168 bytes) and block size (64, 128).
for n in [0, 1, 63, 64, 65, 71, 72, 73, 103, 104, 105, 127, 128, 129, 135, 136, 137, 143, 144, 145, 167, 168,
          169, 200, 256, 1000, 4099]:
    data = bytes((i * 13 + n) % 256 for i in range(n))
    print(n, " ".join(c(data).hexdigest()[:16] for c in sha3 + blake),
          " ".join(c(data).hexdigest(12) for c in shake))

# Known answers: FIPS 202 example values for "abc" and "", RFC 7693 appendix A and B for "abc".
print(_sha3.sha3_256(b"abc").hexdigest())
print(_sha3.sha3_512(b"").hexdigest())
print(_sha3.shake_128(b"").hexdigest(32))
print(_sha3.shake_256(b"").hexdigest(64))
print(_blake2.blake2b(b"abc").hexdigest())
print(_blake2.blake2s(b"abc").hexdigest())
print(_sha3.sha3_224(b"a" * 1000000).hexdigest())

# Incremental updates in uneven pieces equal one update; copy() forks the state.
for c in sha3 + shake + blake:
    whole = bytes(range(256)) * 5
    h = c()
    for start in range(0, len(whole), 37):
        h.update(whole[start:start + 37])
    snapshot = h.copy()
    h.update(b"more")
    finish = (lambda x: x.digest(50)) if c in shake else (lambda x: x.digest())
    print(h.name, finish(h) == finish(c(whole + b"more")), finish(snapshot) == finish(c(whole)),
          h.digest_size, h.block_size, type(h).__name__, type(h).__module__)

for c in sha3 + shake:
    h = c()
    print(h.name, h._capacity_bits, h._rate_bits, h._suffix)
h = _sha3.shake_256(b"x")
print(h.digest(0), h.digest(1), len(h.hexdigest(1000)), h.digest(300)[:5] == h.digest(5), h.digest(True))

# Every BLAKE2 parameter changes the digest as the reference does.
for c in blake:
    print(c.__name__, c.SALT_SIZE, c.PERSON_SIZE, c.MAX_KEY_SIZE, c.MAX_DIGEST_SIZE)
    for kwargs in [dict(), dict(digest_size=1), dict(digest_size=17), dict(key=b"secret"), dict(key=b"k" * c.MAX_KEY_SIZE),
                   dict(salt=b"salt"), dict(salt=b"s" * c.SALT_SIZE), dict(person=b"me"),
                   dict(person=b"p" * c.PERSON_SIZE), dict(fanout=0), dict(fanout=255), dict(depth=255),
                   dict(leaf_size=4096), dict(leaf_size=2**32 - 1), dict(node_offset=7), dict(node_offset=2**40 + 3),
                   dict(node_depth=3), dict(inner_size=16), dict(last_node=True), dict(last_node=[1]),
                   dict(usedforsecurity=False), dict(key=b"k", salt=b"s", person=b"p", digest_size=20, fanout=3,
                   depth=4, leaf_size=5, node_offset=6, node_depth=7, inner_size=8, last_node=True)]:
        for data in [b"", b"abc", bytes(200)]:
            h = c(data, **kwargs)
            print(" ", sorted(kwargs), len(data), h.digest_size, h.hexdigest())
print(_blake2.blake2b(bytearray(b"ab"), key=memoryview(b"k")).hexdigest()[:20], _blake2.blake2b(digest_size=True).hexdigest())
print(_blake2.BLAKE2B_SALT_SIZE, _blake2.BLAKE2B_PERSON_SIZE, _blake2.BLAKE2B_MAX_KEY_SIZE, _blake2.BLAKE2B_MAX_DIGEST_SIZE)
print(_blake2.BLAKE2S_SALT_SIZE, _blake2.BLAKE2S_PERSON_SIZE, _blake2.BLAKE2S_MAX_KEY_SIZE, _blake2.BLAKE2S_MAX_DIGEST_SIZE)
# A key longer than a block (BLAKE2b: 128 bytes of key block) and data of exactly one block after the key.
print(_blake2.blake2s(bytes(64), key=bytes(range(32))).hexdigest(), _blake2.blake2b(bytes(128), key=b"z" * 64).hexdigest()[:32])

B = _blake2.blake2b
S = _blake2.blake2s
for expr in ["B(digest_size=0)", "B(digest_size=65)", "S(digest_size=33)", "B(key=b'x' * 65)", "S(key=b'x' * 33)",
             "B(salt=b'x' * 17)", "S(person=b'x' * 9)", "B(fanout=-1)", "B(fanout=256)", "B(depth=0)", "B(depth=256)",
             "B(leaf_size=-1)", "B(leaf_size=2**32)", "B(node_offset=-1)", "S(node_offset=2**48)",
             "B(node_offset=2**64)", "B(node_depth=-1)", "B(node_depth=256)", "B(inner_size=65)", "S(inner_size=-1)",
             "B('abc')", "B(1)", "B(b'a', b'b')", "B(foo=1)", "B(digest_size='x')", "B(key='x')", "B().update('x')",
             "B().update()", "B(digest_size=2**70)", "B(leaf_size=1.5)", "B(data=b'x')", "B().digest(1)",
             "_sha3.sha3_256('x')", "_sha3.sha3_512(None)", "_sha3.shake_128().digest()", "_sha3.shake_128().digest(-1)",
             "_sha3.shake_128().hexdigest(2**40)", "_sha3.shake_128().digest(2**29)", "_sha3.shake_128().digest(2**64)",
             "_sha3.sha3_256(b'', b'')", "_sha3.sha3_256(data=b'')", "_sha3.shake_128().digest(length=3)",
             "_sha3.shake_128().digest('a')", "_sha3.sha3_256().digest(1)", "_sha3.sha3_384().update(1)",
             "_sha3.sha3_256().hexdigest(usedforsecurity=1)"]:
    try:
        print(expr, "->", eval(expr))
    except Exception as e:
        print(expr, "!!", type(e).__name__, e)
for t in [_sha3.sha3_256, _blake2.blake2b]:
    try:
        class Derived(t):
            pass
    except TypeError as e:
        print("TypeError", t.__name__, "is final")
