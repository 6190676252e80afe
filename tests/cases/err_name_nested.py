# NameError inside nested calls (a misspelled global looked up from a function).
def helper(x):
    return x + undefined_value
def middle(x):
    return helper(x * 2)
def outer():
    print("outer start")
    return middle(5)
print(outer())
