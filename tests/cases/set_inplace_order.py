# Set algebra keeps CPython's table layouts, so iteration order (what printing shows) matches after in-place
# updates (|=, -=, ^=, &=, the *_update methods), the operators and the methods with set, dict and other
# iterable arguments. Many pseudo-random int and str sets; string hashes depend on PYTHONHASHSEED=0.
import random

rng = random.Random(1234)

def make(kind, n, span):
    if kind == 'int':
        return [rng.randrange(-span, span) for _ in range(n)]
    return ['k%d' % rng.randrange(span) for _ in range(n)]

def show(tag, s):
    print(tag, list(s))

for round_number in range(60):
    kind = 'int' if round_number % 2 else 'str'
    span = rng.choice([10, 50, 1000, 10**9])
    a_items = make(kind, rng.randrange(0, 40), span)
    b_items = make(kind, rng.randrange(0, 40), span)
    if rng.random() < 0.3:
        b_items = make(kind, rng.randrange(100, 300), span)
    a, b = set(a_items), set(b_items)
    # Deleted slots in a's table change where later keys go.
    for x in a_items[: len(a_items) // 3]:
        a.discard(x)
    print('round', round_number, kind, len(a), len(b))
    for op in ['|=', '-=', '^=', '&=']:
        s = set(a)
        exec('s ' + op + ' b')
        show(op, s)
    for name in ['update', 'difference_update', 'symmetric_difference_update', 'intersection_update']:
        for arg in (b, b_items, dict.fromkeys(b_items), frozenset(b)):
            s = set(a)
            getattr(s, name)(arg)
            show(name, s)
    for name in ['union', 'difference', 'symmetric_difference', 'intersection']:
        for arg in (b, b_items, dict.fromkeys(b_items), iter(b_items)):
            show(name, getattr(a, name)(arg))
    show('|', a | b)
    show('-', a - b)
    show('^', a ^ b)
    show('&', a & b)
    show('b-a', b - a)
    show('frozen', frozenset(a) - b)
    show('multi-diff', a.difference(b_items[:5], b))
    show('multi-inter', a.intersection(b, a_items))
    show('fromkeys', list(dict.fromkeys(a)))

s = set(range(100))
s -= set(range(0, 100, 2))
show('after many deletions', s)
s.add(1000)
show('then add', s)
s = set(range(20))
s -= s
print(s)
s = set('abc')
s ^= s
print(s)
