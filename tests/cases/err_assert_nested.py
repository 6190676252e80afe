# AssertionError with a message from inside nested calls.
def check(v):
    assert v % 2 == 0, "odd value: " + str(v)
    return v // 2
def halve_all(vals):
    return [check(v) for v in vals]
print(halve_all([2, 4, 8]))
print(halve_all([2, 7, 8]))
