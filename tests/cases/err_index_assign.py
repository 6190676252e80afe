# IndexError: list assignment index out of range.
slots = [0] * 3
slots[2] = 9
print(slots)
def fill(n):
    for i in range(n):
        slots[i] = i
fill(5)
