# SyntaxError: break outside a loop.
print("never runs")
if True:
    break
