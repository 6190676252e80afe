# TypeError: calling a non-callable value.
values = [1, 2, 3]
print(values[0])
total = 0
def compute():
    return total(values)
compute()
