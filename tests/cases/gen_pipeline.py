# Generator pipelines: lazy stages chained together, infinite sources, islice-like helpers.
def naturals(start=0):
    n = start
    while True:
        yield n
        n += 1


def take(n, it):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v


def gen_filter(pred, it):
    for v in it:
        if pred(v):
            yield v


def gen_map(f, it):
    for v in it:
        yield f(v)


def primes():
    found = []
    for n in naturals(2):
        if all(n % p for p in found):
            found.append(n)
            yield n


print(list(take(10, primes())))
print(list(take(5, gen_map(lambda v: v * v, gen_filter(lambda v: v % 3 == 0, naturals())))))


def chunks(it, size):
    chunk = []
    for v in it:
        chunk.append(v)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


print(list(chunks(range(7), 3)))


def running_total(it):
    total = 0
    for v in it:
        total += v
        yield total


print(list(running_total(range(1, 6))))


def interleave(*its):
    its = [iter(i) for i in its]
    while its:
        for it in list(its):
            try:
                yield next(it)
            except StopIteration:
                its.remove(it)


print(list(interleave("abc", [1, 2], range(10, 14))))


def pairwise(it):
    it = iter(it)
    prev = next(it, None)
    for cur in it:
        yield prev, cur
        prev = cur


print(list(pairwise("abcd")), list(pairwise([])))
words = "the quick brown fox jumps over the lazy dog".split()
lengths = (len(w) for w in words)
long_words = (w for w in words if len(w) > 4)
print(max(lengths), list(long_words), sum(1 for _ in pairwise(words)))
it = iter(naturals(5))
print(next(it), next(it), list(zip(it, "xy")), next(it))
