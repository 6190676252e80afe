# UnboundLocalError: a local read before assignment (a subclass of NameError).
count = 0
def increment():
    count = count + 1
    return count
print("calling")
increment()
