# ValueError from chr() out of range, and the message text.
print(chr(1114111) == "\U0010ffff")
def make(code):
    return chr(code)
print(make(-1))
