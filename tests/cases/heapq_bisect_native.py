# _heapq and _bisect (heapq's and bisect's C halves): results, the order of equal items, and the exact sequence
# of comparisons a user's __lt__ sees, plus the error messages.
import _bisect
import _heapq

log = []


class Item:
    def __init__(self, key, tag):
        self.key, self.tag = key, tag

    def __lt__(self, other):
        log.append((self.tag, other.tag))
        return self.key < other.key

    def __repr__(self):
        return f"{self.key}{self.tag}"


state = 7


def rand(n):
    global state
    state = (state * 1103515245 + 12345) % 2**31
    return state % n


data = [rand(50) for _ in range(40)]
h = list(data)
_heapq.heapify(h)
print(h)
print([_heapq.heappop(h) for _ in range(10)], h[:5])
for x in [3, 99, -1, 25]:
    _heapq.heappush(h, x)
print(h[:8], _heapq.heappushpop(h, -5), _heapq.heappushpop(h, 30), _heapq.heapreplace(h, 1000), h[:6])
m = list(data)
_heapq._heapify_max(m)
print(m[:10], _heapq._heappop_max(m), _heapq._heapreplace_max(m, -3), m[:6])

items = [Item(rand(5), chr(97 + i)) for i in range(12)]
_heapq.heapify(items)
print(items, log)
log.clear()
print(_heapq.heappop(items), _heapq.heappushpop(items, Item(2, "z")), _heapq.heapreplace(items, Item(0, "y")), log)
log.clear()
_heapq.heappush(items, Item(1, "x"))
print(items, log)

a = sorted(data)
print([_bisect.bisect_right(a, x) for x in (-1, 0, 10, 25, 49, 50)], [_bisect.bisect_left(a, x) for x in (0, 10, 25, 50)])
print(_bisect.bisect_right(a, 20, 5, 10), _bisect.bisect_left(a, 20, lo=3), _bisect.bisect_left(a, 20, hi=None),
      _bisect.bisect_right(a, 30, 0, len(a), key=None))
words = ["apple", "Banana", "cherry", "date", "Elder"]
keyed = sorted(words, key=str.lower)
print(_bisect.bisect_left(keyed, "c", key=str.lower), _bisect.bisect_right(keyed, "date", key=str.lower))
_bisect.insort_right(keyed, "Cherry", key=str.lower)
_bisect.insort_left(keyed, "CHERRY", key=str.lower)
print(keyed)
b = [1, 2, 2, 3]
_bisect.insort_left(b, 2)
_bisect.insort_right(b, 2.0)
_bisect.insort_right(b, 0, 0, 1)
print(b)
log.clear()
sorted_items = sorted(Item(i // 2, str(i)) for i in range(10))
log.clear()
print(_bisect.bisect_left(sorted_items, Item(2, "q")), log)
log.clear()
print(_bisect.bisect_right(sorted_items, Item(2, "r")), log)


class Seq:
    def __init__(self, items):
        self.items = items

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def insert(self, i, x):
        print("insert", i, x)
        self.items.insert(i, x)


s = Seq([1, 3, 5])
print(_bisect.bisect(s.items, 4) if hasattr(_bisect, "bisect") else "no alias", _bisect.bisect_left(s, 4))
_bisect.insort_left(s, 4)

for expr in ["_heapq.heappush([], )", "_heapq.heappush((), 1)", "_heapq.heappop([])", "_heapq.heappop(1)",
             "_heapq.heapreplace([], 1)", "_heapq.heapify({})", "_heapq.heappush([1], 'a')", "_heapq.heappushpop([], 5)",
             "_bisect.bisect_left([1], 1, -1)", "_bisect.bisect_right()", "_bisect.bisect_right([1], 1, 0, 1, None)",
             "_bisect.bisect_right([1], 1, foo=1)", "_bisect.insort_left((1, 2), 1)", "_bisect.bisect_left([1, 2], 'a')",
             "_bisect.bisect_left(5, 1)", "_heapq.heappush([], 1, x=1)"]:
    try:
        print(expr, "->", eval(expr))
    except Exception as e:
        print(expr, "!!", type(e).__name__, e)


class Shrink:
    def __lt__(self, other):
        victim.clear()
        return True


victim = [Shrink(), Shrink(), Shrink()]
try:
    _heapq.heapify(victim)
except RuntimeError as e:
    print("RuntimeError", e)
