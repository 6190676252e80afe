# SyntaxError: unterminated string literal.
print("never runs")
name = "unterminated
print(name)
