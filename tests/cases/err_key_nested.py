# KeyError with a non-string key inside nested calls.
table = {1: "one", 2: "two"}
def lookup(k):
    return table[k]
def describe(keys):
    return [lookup(k) for k in keys]
print(describe([1, 2]))
print(describe([2, (3, 4)]))
