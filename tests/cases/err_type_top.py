# TypeError: unsupported operand types at module level.
a = 5
b = "5"
print(a * b)
print(a + b)
