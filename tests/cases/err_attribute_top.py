# AttributeError: calling a method a type does not have.
s = "text"
print(s.upper())
n = 5
n.append(6)
