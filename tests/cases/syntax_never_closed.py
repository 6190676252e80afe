# SyntaxError: an opening bracket never closed.
print("never runs")
items = [1, 2,
         3, 4
print(items)
