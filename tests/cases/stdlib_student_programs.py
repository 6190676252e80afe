# Programs a student writes with CPython's own Lib running on minipy: word counts, seeded simulations, json
# round trips, regex cleaning, itertools puzzles, date arithmetic, enums and exact arithmetic.
import array
import collections
import copy
import datetime
import decimal
import enum
import fractions
import functools
import heapq
import itertools
import json
import os.path
import random
import re
import string
import struct
import textwrap

text = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity."""
words = re.findall(r"[a-z']+", text.lower())
counts = collections.Counter(words)
print(counts.most_common(4), len(counts), sum(counts.values()))
print(re.sub(r"\s+", " ", re.sub(r"[^\w\s]", "", text)).strip()[:60])
print(re.split(r"[,.]\s*", text)[:3])
m = re.search(r"(?P<what>age) of (?P<of>\w+)", text)
print(m.group("what", "of"), m.span(), m.groupdict())

random.seed(42)
print([random.randint(1, 6) for _ in range(10)], round(random.random(), 12), random.choice("abcdef"))
deck = list(range(10))
random.shuffle(deck)
print(deck, random.sample(range(100), 5), round(random.gauss(0, 1), 12), round(random.uniform(1, 2), 12))
random.seed("text")
print(random.getrandbits(64), random.randrange(0, 1000, 7))
rolls = collections.Counter(random.randint(1, 6) + random.randint(1, 6) for _ in range(1000))
print(sorted(rolls.items()))

record = {"name": "Ada", "langs": ["py", "c"], "score": 9.5, "ok": True, "none": None, "nested": {"é": 1}}
encoded = json.dumps(record, sort_keys=True, indent=2)
print(encoded)
print(json.loads(encoded) == record, json.dumps([1, 2.0, "x\n"]), json.loads('{"a": [1e3, -0.5]}'))
try:
    json.loads('{"a": }')
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e)

print(list(itertools.permutations("abc", 2))[:4], list(itertools.combinations(range(4), 2)))
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.islice(itertools.count(10, 5), 3)))
print([(k, len(list(g))) for k, g in itertools.groupby("aaabccdd")])
print(functools.reduce(lambda a, b: a * b, range(1, 11)), heapq.nlargest(3, [5, 1, 9, 3, 7]))


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info())

start = datetime.date(2024, 2, 27)
print([str(start + datetime.timedelta(days=i)) for i in range(4)], start.weekday(), start.strftime("%A %d %B %Y"))
delta = datetime.datetime(2024, 12, 25, 18, 30) - datetime.datetime(2024, 1, 1)
print(delta, delta.days, delta.total_seconds(), datetime.datetime(2020, 5, 17, 8, 5).isoformat())


class Suit(enum.Enum):
    HEARTS = "♥"
    SPADES = "♠"


class Level(enum.IntEnum):
    LOW = 1
    HIGH = 3


print(Suit.HEARTS, Suit("♠"), list(Suit), Level.HIGH > Level.LOW, Level(3).name)
print(fractions.Fraction(1, 3) + fractions.Fraction(1, 6), decimal.Decimal("0.1") + decimal.Decimal("0.2"))
print(struct.pack("<hId", 1, 2, 3.5), struct.unpack("<3B", b"abc"), array.array("d", [1.5, 2.5]).tolist())
print(os.path.join("dir", "file.txt"), os.path.splitext("archive.tar.gz"), os.path.basename("/a/b/c.py"))
print(string.capwords("hello there world"), textwrap.wrap("the quick brown fox jumps over", 12))
grid = [[0] * 3 for _ in range(2)]
clone = copy.deepcopy(grid)
clone[0][0] = 1
print(grid, clone, collections.namedtuple("Point", "x y")(3, 4), collections.deque([1, 2, 3], maxlen=2))
