# Arguments of the builtin iterators as CPython takes them: enumerate(start=...) accepts any __index__ object
# and makes it an exact int (enumerate("ab", True) counts from 1).
class I:
    def __index__(self): return 5
print(list(enumerate("ab", True)), list(enumerate("ab", I())), list(enumerate("a", start=2**64)))
try:
    enumerate("a", 1.5)
except TypeError as e:
    print(e)
try:
    enumerate(5, 1.5)
except TypeError as e:
    print(e)

# reversed(): __reversed__ = None declares a sequence not reversible, even with __len__ and __getitem__.
class NotReversible:
    __reversed__ = None
    def __len__(self): return 2
    def __getitem__(self, i): return [1, 2][i]
try:
    reversed(NotReversible())
except TypeError as e:
    print(e)
class Seq:
    def __len__(self): return 2
    def __getitem__(self, i): return [1, 2][i]
print(list(reversed(Seq())))
