# NameError after del removes a global.
value = 42
print(value)
del value
print(value)
