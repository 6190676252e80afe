# NameError for an undefined global at module level.
counter = 1
print("counter is", counter)
print(countr)
