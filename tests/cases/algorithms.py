# Classic algorithms in tier-1 Python: sieve, binary search, insertion/merge/quick sort, gcd/lcm, base conversion.
def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = is_p[1] = False
    i = 2
    while i * i <= n:
        if is_p[i]:
            for j in range(i * i, n + 1, i):
                is_p[j] = False
        i += 1
    return primes_from(is_p)
def primes_from(flags):
    out = []
    for k in range(len(flags)):
        if flags[k]:
            out.append(k)
    return out
primes = sieve(200)
print(len(primes), primes[:15], primes[-3:])
def bsearch(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo
print([bsearch(primes, v) for v in [0, 2, 3, 100, 199, 1000]])
def insertion_sort(a):
    a = a[:]
    for i in range(1, len(a)):
        key = a[i]
        j = i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key
    return a
def merge_sort(a):
    if len(a) <= 1:
        return a
    mid = len(a) // 2
    left = merge_sort(a[:mid])
    right = merge_sort(a[mid:])
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    return out + left[i:] + right[j:]
def quick_sort(a):
    if len(a) <= 1:
        return a
    pivot = a[0]
    less = []
    more = []
    for x in a[1:]:
        if x < pivot:
            less.append(x)
        else:
            more.append(x)
    return quick_sort(less) + [pivot] + quick_sort(more)
seed = 12345
data = []
for _ in range(60):
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    data.append(seed % 1000)
print(data[:10])
s1 = insertion_sort(data)
s2 = merge_sort(data)
s3 = quick_sort(data)
print(s1 == s2 == s3 == sorted(data), s1[:10], s1[-5:])
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
def lcm(a, b):
    return a // gcd(a, b) * b
acc = 1
for k in range(1, 31):
    acc = lcm(acc, k)
print(acc, gcd(2 ** 60, 3 ** 40), gcd(0, 5))
def to_base(n, b):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = ""
    while n:
        out = digits[n % b] + out
        n //= b
    return sign + out
for v in [0, 255, -255, 2 ** 64, 123456789]:
    print(v, to_base(v, 2), to_base(v, 7), to_base(v, 16), to_base(v, 36), int(to_base(v, 36), 36) == v)
def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x
print(isqrt(10 ** 40), isqrt(2 * 10 ** 30), isqrt(99))
