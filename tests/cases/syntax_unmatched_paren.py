# SyntaxError: unmatched closing parenthesis.
print("never runs")
value = (1 + 2))
