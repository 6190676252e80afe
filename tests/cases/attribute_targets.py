# Attribute targets on the one tier-1 object that takes attributes: functions (set, augment, read, delete).
def counter():
    counter.calls += 1
    return counter.calls
counter.calls = 0
for i in range(3):
    print(counter())
counter.label = "counts calls"
counter.history = []
counter.history.append(counter.calls)
counter.calls *= 10
print(counter.calls, counter.label, counter.history)
def other():
    return 0
other.calls = counter.calls = 5
print(other.calls, counter.calls)
del counter.label
print(counter.calls)
