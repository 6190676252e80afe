# sys.setrecursionlimit: raising it lets plain Python recursion go deeper (minipy keeps Python frames off the C
# stack, as CPython 3.11 does); lowering it below the current depth is refused.
import sys

print(sys.getrecursionlimit())


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


def forever(n):
    return forever(n + 1)


try:
    depth(5000)
except RecursionError as e:
    print("default limit:", e)
sys.setrecursionlimit(100000)
print(sys.getrecursionlimit(), depth(50000))
try:
    forever(0)
except RecursionError as e:
    print("raised limit:", e)


def at_depth(n):
    if n:
        return at_depth(n - 1)
    try:
        sys.setrecursionlimit(10)
    except RecursionError as e:
        return str(e)[:48]


print(at_depth(50))
for bad in (0, -1):
    try:
        sys.setrecursionlimit(bad)
    except ValueError as e:
        print(e)
try:
    sys.setrecursionlimit(1.5)
except TypeError as e:
    print(e)
sys.setrecursionlimit(1000)
try:
    depth(2000)
except RecursionError:
    print("lowered again")
print(depth(500))
