# Uncaught ZeroDivisionError at module level after some output.
print("before")
x = 10
y = x - 10
print(x // 3)
print(x / y)
print("not reached")
