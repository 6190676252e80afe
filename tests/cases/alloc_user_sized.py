# User-sized allocations in itertools and array: an impossible size is CPython's MemoryError (or OverflowError
# when the count does not fit a C ssize_t), never a crash. Sizes chosen so that every machine refuses them
# (2**61 items of 8 bytes overflow the byte count itself).
import array
import itertools

def attempt(label, thunk):
    try:
        result = thunk()
    except (MemoryError, OverflowError, ValueError) as exc:
        print(label, type(exc).__name__, repr(str(exc)))
    else:
        print(label, 'ok', result)

for r in (2**50, 2**59, 2**61, 2**62, 2**63 - 1, 2**63, 2**64, -1):
    attempt(f'combinations r={r}', lambda: list(itertools.combinations('abc', r)))
    attempt(f'cwr r={r}', lambda: list(itertools.combinations_with_replacement('abc', r)))
    attempt(f'permutations r={r}', lambda: list(itertools.permutations('abc', r)))
attempt('combinations empty pool', lambda: list(itertools.combinations('', 2**61)))
attempt('permutations r=4', lambda: list(itertools.permutations('abc', 4)))
attempt('combinations r=4', lambda: list(itertools.combinations('abc', 4)))

# r is converted before the pool is read; its sign is checked after.
def pool():
    print('  pool read')
    yield 1
attempt('combinations r too big', lambda: itertools.combinations(pool(), 2**64))
attempt('combinations r negative', lambda: itertools.combinations(pool(), -1))

for repeat in (2**61, 2**62, 2**63 - 1, 2**63):
    attempt(f'product repeat={repeat}', lambda: list(itertools.product('ab', repeat=repeat)))
    attempt(f'product() repeat={repeat}', lambda: list(itertools.product(repeat=repeat)))
    attempt(f'product x3 repeat={repeat}', lambda: list(itertools.product('a', 'b', 'c', repeat=repeat)))
attempt('product repeat huge, pool not read', lambda: itertools.product(pool(), repeat=2**62))

for n in (2**61, 2**62, 2**63):
    attempt(f'tee n={n}', lambda: itertools.tee([], n))
    attempt(f'repeat n={n}', lambda: next(itertools.repeat('x', n)))

for n in (2**59, 2**60, 2**61, 2**62, 2**63 - 1, 2**63, 2**64):
    for code, init in (('b', b'x'), ('i', [1]), ('d', [1.0])):
        attempt(f'array {code} * {n}', lambda: array.array(code, init) * n)
        attempt(f'{n} * array {code}', lambda: n * array.array(code, init))
        def inplace():
            x = array.array(code, init)
            x *= n
            return x
        attempt(f'array {code} *= {n}', inplace)
attempt('empty array * huge', lambda: array.array('i') * 2**62)
attempt('array * -huge', lambda: array.array('i', [1]) * -2**62)

class Reader:
    def read(self, n):
        raise AssertionError('not reached')
for n in (2**61, 2**62, 2**63):
    attempt(f'fromfile {n}', lambda: array.array('i').fromfile(Reader(), n))
