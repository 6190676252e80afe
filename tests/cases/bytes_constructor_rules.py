# bytes()/bytearray() item ranges (an int past 64 bits is out of range, not an overflow) and __bytes__ on a str
# subclass, which comes before the "string argument without an encoding" check.
def t(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '->', type(e).__name__, e)

for big in (2**64, 2**63, -2**63 - 1, 2**1000, -1, 256, 255):
    t(f'bytes([{big}])', lambda: bytes([big]))
    t(f'bytes(({big},))', lambda: bytes((big,)))
    t(f'bytes(iter [{big}])', lambda: bytes(iter([big])))
    t(f'bytearray([{big}])', lambda: bytearray([big]))
    t(f'bytearray.append({big})', lambda: bytearray().append(big))
    t(f'bytearray.extend([{big}])', lambda: bytearray().extend([big]))

class Index:
    def __index__(self):
        return 2**70
t('bytes index item', lambda: bytes([Index()]))
t('bytes float item', lambda: bytes([1.0]))

class S(str):
    def __bytes__(self):
        return b'BYTES'

class SNone(str):
    pass

class Bad(str):
    def __bytes__(self):
        return 'not bytes'

t('bytes(str subclass with __bytes__)', lambda: bytes(S('a')))
t('bytes(str subclass, encoding)', lambda: bytes(S('a'), 'ascii'))
t('bytes(str subclass, errors)', lambda: bytes(S('a'), errors='strict'))
t('bytes(plain str subclass)', lambda: bytes(SNone('a')))
t('bytes(bad __bytes__)', lambda: bytes(Bad('a')))
t('bytes(str)', lambda: bytes('a'))
t('bytes(str, errors)', lambda: bytes('a', errors='strict'))
t('bytes(int, encoding)', lambda: bytes(3, 'ascii'))
t('bytes(int, errors)', lambda: bytes(3, errors='strict'))
