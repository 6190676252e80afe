# Range iterators near the ends of int64: stepping past the last element must not overflow, and the
# iterator's __reduce__ and reversed() must give exact bounds even where they pass int64.
import pickle

M = 2**63
ranges = [range(M - 2, M + 10, 5), range(-M, M, 2**62), range(-M, M - 1, 2**62), range(M - 1, -M, -2**62),
          range(M - 1, -M - 1, -2**62), range(5, -M, -M), range(-M, M - 1, M - 1), range(M - 3, M - 1),
          range(-M + 2, -M, -1), range(-M, -M + 3), range(0, M - 1, M // 2), range(M - 1, M - 2, -M)]
for r in ranges:
    print(r, len(r))
    print('  list', list(r))
    print('  for', [x for x in r])
    print('  reversed', list(reversed(r)))
    if not all(-M <= v < M for v in (r.start, r.stop, r.step, len(r))):
        continue  # CPython's longrange_iterator: minipy iterates it generically (no __length_hint__ yet)
    it = iter(r)
    print('  reduce', it.__reduce__())
    first = next(it, None)
    print('  after one', first, it.__reduce__(), it.__length_hint__())
    print('  rest', list(it), it.__reduce__())
    rit = reversed(r)
    next(rit, None)
    print('  reversed reduce', rit.__reduce__(), list(rit))
    it = iter(r)
    it.__setstate__(len(r))
    print('  setstate end', list(it), it.__reduce__())
    it = iter(r)
    it.__setstate__(1)
    print('  setstate 1', list(it))
    it = iter(r)
    print('  pickled', list(pickle.loads(pickle.dumps(it))))
