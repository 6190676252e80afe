# SyntaxError: invalid syntax in an expression (missing operand).
print("never runs")
x = 1 +
