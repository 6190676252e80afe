# Indexing and slicing strings with positive/negative indices, steps and out-of-range bounds.
s = "0123456789"
print(s[0], s[9], s[-1], s[-10], s[3:7], s[:4], s[6:], s[:], s[-3:], s[:-3])
print(s[::2], s[1::2], s[::-1], s[::-2], s[7:2:-1], s[7:2:-2], s[-1:-4:-1], s[2:8:3])
print(repr(s[5:5]), repr(s[7:2]), repr(s[20:]), s[-100:3], s[5:100], s[::100], s[::-100])
print(s[100:-100:-1], s[-100:100], repr(s[3:1:1]))
word = "python"
for i in range(len(word)):
    print(i, word[i], word[:i], word[i:], word[-i - 1])
print("".join([word[i] for i in range(len(word) - 1, -1, -1)]))
u = "héllo wörld ñ"
print(u[1], u[1:5], u[::-1], len(u), u[-1])
t = (0, 1, 2, 3, 4, 5)
print(t[1:4], t[::-1], t[::2], t[-2:], t[4:1:-1])
lst = list(range(10))
print(lst[2:5], lst[::3], lst[::-3], lst[-4:-1], lst[8:20], lst[:0])
print(range(10)[2:8:2], range(10)[::-1], list(range(10)[::-1]), range(0, 20, 3)[1:4])
print(s[True], s[False:True + 2])
