# IndentationError: expected an indented block after a def at end of file.
print("never runs")
def f():
