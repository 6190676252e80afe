# IndentationError: unindent does not match any outer indentation level.
print("never runs")
if True:
        a = 1
    b = 2
