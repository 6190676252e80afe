# SyntaxError: mismatched brackets.
print("never runs")
value = [1, 2)
