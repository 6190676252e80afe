# Every augmented assignment operator on names, subscripts (evaluated once) and containers.
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 4; print(x)
x //= 5; print(x)
x %= 4; print(x)
x **= 3; print(x)
x /= 2; print(x)
x = 0b1100
x &= 0b1010; print(x)
x |= 0b0001; print(x)
x ^= 0b1111; print(x)
x <<= 3; print(x)
x >>= 1; print(x)
s = "ab"
s += "cd"
s *= 2
print(s)
lst = [1]
alias = lst
lst += [2, 3]
lst *= 2
print(lst, alias is lst)
t = (1,)
t2 = t
t += (2,)
print(t, t2, t is t2)
d = {"n": 1}
d["n"] += 10
d["m"] = 0
d["m"] -= 1
print(d)
grid = [[0, 0], [0, 0]]
grid[1][0] += 5
grid[0][1] -= 2
print(grid)
calls = []
def idx(i):
    calls.append(i)
    return i
arr = [1, 2, 3]
arr[idx(1)] += 100
print(arr, calls)
f = 1.5
f += 1
f *= 2
f -= 0.5
f /= 4
print(f)
n = 2 ** 62
n *= n
n += 1
print(n)
