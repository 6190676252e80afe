# An uncaught "generator raised StopIteration" shows the chained StopIteration first.
def g():
    yield 1
    raise StopIteration


for x in g():
    print(x)
