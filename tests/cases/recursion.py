# Recursive functions: factorial, fibonacci, ackermann, hanoi, mutual recursion, deep-ish recursion.
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)
for i in [0, 1, 5, 10, 20, 30]:
    print(i, fact(i))
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(20)])
def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))
print(ack(2, 3), ack(3, 3))
moves = []
def hanoi(n, src, dst, via):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst)
    moves.append(src + dst)
    hanoi(n - 1, via, dst, src)
hanoi(5, "A", "C", "B")
print(len(moves), moves[:7])
def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)
def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)
print(is_even(10), is_odd(7), is_even(7))
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)
print(depth(900))
def flatten(x, out):
    for item in x:
        if isinstance(item, list):
            flatten(item, out)
        else:
            out.append(item)
    return out
print(flatten([1, [2, [3, [4, [5]]]], 6, [[7, 8]]], []))
def perms(items):
    if len(items) <= 1:
        return [items]
    result = []
    for i in range(len(items)):
        for p in perms(items[:i] + items[i + 1:]):
            result.append([items[i]] + p)
    return result
print(perms([1, 2, 3]), len(perms([1, 2, 3, 4, 5])))
def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)
print(gcd(1071, 462), gcd(2 ** 40, 6 ** 20), gcd(17, 5))
def power_set(s):
    if not s:
        return [[]]
    rest = power_set(s[1:])
    result = list(rest)
    for r in rest:
        result.append([s[0]] + r)
    return result
print(power_set(["a", "b", "c"]))
