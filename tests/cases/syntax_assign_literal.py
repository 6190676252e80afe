# SyntaxError: assignment to a literal.
print("never runs")
1 = x
