# ValueError: invalid literal for int() with base 16 and an empty string.
print(int("ff", 16))
def parse(s):
    return int(s, 16)
print(parse("fg"))
