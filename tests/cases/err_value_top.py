# ValueError from int() with an invalid literal.
print(int("42"))
print(int("4x2"))
