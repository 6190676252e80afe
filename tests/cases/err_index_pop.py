# IndexError from list.pop on an empty list and tuple index.
stack = [1]
print(stack.pop())
t = (1, 2)
def get(i):
    return t[i]
print(get(1))
print(get(-3))
