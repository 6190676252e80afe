# TypeError from a builtin deep in a call chain: len() of an int.
def measure(items):
    return [len(x) for x in items]
def summarize(items):
    sizes = measure(items)
    return sum(sizes)
print(summarize(["ab", [1, 2, 3]]))
print(summarize(["ab", 12]))
