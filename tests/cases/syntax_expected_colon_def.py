# SyntaxError: expected ":" after a def header.
print("never runs")
def f(a, b)
    return a + b
