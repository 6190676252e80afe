# SyntaxError: expected ":" after an if condition.
print("never runs")
x = 3
if x > 2
    print(x)
