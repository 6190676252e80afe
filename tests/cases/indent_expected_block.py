# IndentationError: expected an indented block.
print("never runs")
for i in range(3):
print(i)
