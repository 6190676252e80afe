# AssertionError without a message at module level.
x = 3
assert x > 0
print("first assert held")
assert x > 5
