# AttributeError on str with CPython's "Did you mean" suggestion.
s = "hello"
print(s.upper())
print(s.uper())
