# Recursion limits (functions and nested yield from) and default-argument evaluation time.
import sys
def f(n):
    return f(n + 1)
try:
    f(0)
except RecursionError as e:
    print("RecursionError:", e)
def g(n):
    if n == 0:
        return 0
    return 1 + g(n - 1)
print(g(900))
sys.setrecursionlimit(200)
try:
    g(300)
except RecursionError as e:
    print("limited", e)
print(sys.getrecursionlimit())
def defaults(x=[]):
    x.append(1)
    return x
print(defaults(), defaults(), defaults([0]))
import_time = 5
def evaluated_at_def(v=import_time):
    return v
import_time = 6
print(evaluated_at_def())
def genrec(n):
    yield n
    yield from genrec(n + 1)
try:
    for _ in genrec(0):
        pass
except RecursionError as e:
    print("gen recursion", e)
