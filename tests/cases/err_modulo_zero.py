# Integer modulo and float division by zero have their own messages.
def f(a, b):
    print("mod", a % 3)
    return a % b
print(f(7, 2))
print(divmod(7, 2))
print(f(7, 0))
