# TypeError: too many positional arguments and an unexpected keyword argument.
def pair(a, b=2):
    return (a, b)
print(pair(1), pair(1, 3), pair(a=0))
print(pair(1, 2, 3))
