# ValueError from unpacking the wrong number of values.
a, b = 1, 2
print(a, b)
def pair():
    return 1, 2, 3
x, y = pair()
