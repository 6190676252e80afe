# List operations: building, slicing, appending, sorting with and without keys, a hand-written merge sort.
def merge_sort(a):
    if len(a) <= 1:
        return a
    mid = len(a) // 2
    left = merge_sort(a[:mid])
    right = merge_sort(a[mid:])
    out = []
    i = 0
    j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out
def key_mod(x):
    return (x % 1000, x)
seed = 7
data = []
for _ in range(120000):
    seed = (seed * 69069 + 1) % 4294967296
    data.append(seed % 100000)
s1 = merge_sort(data)
s2 = sorted(data)
s3 = sorted(data, key=key_mod, reverse=True)
rev = data[::-1]
rev.sort()
check = 0
for i in range(0, len(s1), 7):
    check = (check * 31 + s1[i] + s3[i]) % 1000000007
print("checksum", s1 == s2 == rev, check, s3[:3])
