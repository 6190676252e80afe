# The itertools documentation's recipes, built from the native itertools, _collections.deque, _operator and
# _functools, the way a student's puzzle solution would use them.
from itertools import (accumulate, chain, combinations, count, cycle, groupby, islice, permutations, product,
                       repeat, starmap, tee, zip_longest, compress, filterfalse, pairwise)
from _collections import deque, defaultdict
from _operator import itemgetter, mul, add
from _functools import reduce, partial

def take(n, iterable):
    return list(islice(iterable, n))

def tabulate(function, start=0):
    return map(function, count(start))

def consume(iterator, n=None):
    if n is None:
        deque(iterator, maxlen=0)
    else:
        next(islice(iterator, n, n), None)

def nth(iterable, n, default=None):
    return next(islice(iterable, n, None), default)

def all_equal(iterable):
    g = groupby(iterable)
    return next(g, True) and not next(g, False)

def ncycles(iterable, n):
    return chain.from_iterable(repeat(tuple(iterable), n))

def dotproduct(vec1, vec2):
    return sum(map(mul, vec1, vec2))

def flatten(list_of_lists):
    return chain.from_iterable(list_of_lists)

def grouper(iterable, n, fillvalue=None):
    args = [iter(iterable)] * n
    return zip_longest(*args, fillvalue=fillvalue)

def roundrobin(*iterables):
    num_active = len(iterables)
    nexts = cycle(iter(it).__next__ for it in iterables)
    while num_active:
        try:
            for next_ in nexts:
                yield next_()
        except StopIteration:
            num_active -= 1
            nexts = cycle(islice(nexts, num_active))

def partition(pred, iterable):
    t1, t2 = tee(iterable)
    return filterfalse(pred, t1), filter(pred, t2)

def powerset(iterable):
    s = list(iterable)
    return chain.from_iterable(combinations(s, r) for r in range(len(s) + 1))

def unique_everseen(iterable, key=None):
    seen = set()
    for element in filterfalse(seen.__contains__, iterable) if key is None else iterable:
        k = element if key is None else key(element)
        if k not in seen:
            seen.add(k)
            yield element

def unique_justseen(iterable, key=None):
    return map(next, map(itemgetter(1), groupby(iterable, key)))

def sliding_window(iterable, n):
    it = iter(iterable)
    window = deque(islice(it, n), maxlen=n)
    if len(window) == n:
        yield tuple(window)
    for x in it:
        window.append(x)
        yield tuple(window)

def first_true(iterable, default=False, pred=None):
    return next(filter(pred, iterable), default)

def running_mean(values):
    return [total / n for n, total in enumerate(accumulate(values), 1)]

print(take(5, tabulate(lambda x: x * x)))
it = iter(range(10)); consume(it, 3); print(next(it))
print(nth(range(10), 4), nth(range(3), 9, 'none'))
print(all_equal('aaaa'), all_equal('aaba'), all_equal(''))
print(list(ncycles('ab', 3)))
print(dotproduct([1, 2, 3], [4, 5, 6]))
print(list(flatten([[1, 2], [3], []])))
print(list(grouper('ABCDEFG', 3, 'x')))
print(list(roundrobin('ABC', 'D', 'EF')))
evens, odds = partition(lambda x: x % 2, range(10))
print(list(evens), list(odds))
print(list(powerset([1, 2, 3])))
print(list(unique_everseen('AAAABBBCCDAABBB')), list(unique_everseen('ABBcCAD', str.lower)))
print(list(unique_justseen('AAAABBBCCDAABBB')), list(unique_justseen('ABBcCAD', str.lower)))
print(list(sliding_window('ABCDEFG', 4)))
print(first_true([0, None, '', 7, 8]), first_true([], 'none'), first_true(range(10), pred=lambda x: x > 5))
print(running_mean([2, 4, 6, 8]))
print(reduce(mul, range(1, 11)), reduce(add, ['a', 'b', 'c'], '>'))
print(list(starmap(partial(pow, 2), [(3,), (5,)])))
print(sorted(set(map(''.join, permutations('aab')))))
print(sum(1 for t in product(range(6), repeat=3) if sum(t) == 10))
print(list(compress(count(), [0, 1, 1, 0, 1])))
print(list(pairwise(accumulate(range(6)))))
index = defaultdict(list)
for word in 'the quick brown fox jumps over the lazy dog'.split():
    index[word[0]].append(word)
print(sorted(index.items()))
by_length = {k: [w for w in g] for k, g in groupby(sorted('one two three four five six'.split(), key=len), len)}
print(by_length)
# The eight queens count, by permutations.
n = 6
print(sum(1 for cols in permutations(range(n))
          if n == len(set(cols[i] + i for i in range(n))) == len(set(cols[i] - i for i in range(n)))))
