# IndexError on a string and a tuple, raised inside nested functions.
def char_at(s, i):
    return s[i]
def initials(names):
    out = ""
    for n in names:
        out += char_at(n, 0)
    return out
print(initials(["ada", "bob"]))
print(initials(["ada", "", "cy"]))
