# list methods: append extend insert pop remove index count sort reverse copy clear.
a = [5, 3, 8]
a.append(1)
print(a)
a.extend([9, 2])
a.extend((7,))
a.extend("xy")
print(a)
a.insert(0, "first")
a.insert(3, "mid")
a.insert(100, "end")
a.insert(-1, "before-end")
print(a)
print(a.pop(), a.pop(0), a.pop(2), a.pop(-2))
print(a)
a.remove("x")
print(a, a.index(8), a.index(9), a.count(8), a.count("nope"))
nums = [4, 1, 3, 1, 5, 9, 2, 6, 5, 3, 5]
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
nums.reverse()
print(nums)
c = nums.copy()
c.clear()
print(c, nums, len(nums))
words = ["banana", "Apple", "cherry", "apple", "Banana", "fig"]
w2 = words.copy()
w2.sort()
print(w2)
def lower_key(s):
    return s.lower()
w2.sort(key=lower_key)
print(w2)
w2.sort(key=len, reverse=True)
print(w2)
print(nums.index(5), nums.index(5, 7), [1, 2, 3].count(2))
stack = []
for i in range(5):
    stack.append(i * i)
while stack:
    print("pop", stack.pop(), len(stack))
q = [1, 2, 3]
q.extend(q)
print(q)
mixed = [3, 1.5, 2, -1, 0.5]
mixed.sort()
print(mixed)
pairs = [[2, "b"], [1, "z"], [2, "a"], [1, "a"]]
pairs.sort()
print(pairs)
print(a.append(0), a.sort(key=str), a)
