# SyntaxError: return outside a function.
print("never runs")
return 5
