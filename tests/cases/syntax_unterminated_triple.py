# SyntaxError: unterminated triple-quoted string literal.
print("never runs")
doc = """starts here
and never
ends
