# len() called from Python code (the interpreter's CALL takes a shortcut for one positional argument): results and errors.
class L:
    def __len__(self):
        return 3
class Bad:
    def __len__(self):
        return -1
class Big:
    def __len__(self):
        return 2**70
print(len([1,2]), len("héllo"), len({1:2}), len(L()), len(range(10**20 // 10**19)))
for obj in (Bad(), Big(), 5, None):
    try:
        print(len(obj))
    except Exception as e:
        print(type(e).__name__, e)
try:
    len([], [])
except TypeError as e:
    print(e)
try:
    len(obj=[])
except TypeError as e:
    print(e)
f = len
print(f((1, 2, 3)))
