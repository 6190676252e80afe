# AttributeError on a list method misspelling inside a function.
def add_all(target, items):
    for it in items:
        target.add(it)
def build():
    out = []
    add_all(out, [1, 2])
    return out
print("building")
print(build())
