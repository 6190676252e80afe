# str.translate asks the table as CPython does: an ASCII str caches ASCII results per call, the general path asks
# each character (and after a deleted one looks ahead while they are deleted). The calls are recorded.
class Rec:
    def __init__(self, table): self.table, self.calls = table, []
    def __getitem__(self, k):
        self.calls.append(k)
        v = self.table.get(k, KeyError)
        if v is KeyError: raise KeyError(k)
        if v is IndexError: raise IndexError(k)
        return v
tables = [{}, {97: 'b'}, {97: None}, {97: None, 98: None}, {97: 'xy'}, {97: 300}, {97: 'é'}, {98: 'xy', 97: None},
          {97: 98, 98: 'c', 99: None}, {97: IndexError}, {100: 'é', 97: None}]
for text in ['aaaa', 'abcabc', 'aabbaab', 'daaadbd', 'ébaaé', 'xaaay', 'abcdabcd', '', 'aaéaa']:
    for t in tables:
        r = Rec(t)
        out = text.translate(r)
        print(repr(text), t, repr(out), r.calls)
for bad in [{97: 2**70}, {97: -1}, {97: 1.5}, {97: b'x'}]:
    try: print('a'.translate(bad))
    except Exception as e: print(type(e).__name__, e)
class T:
    def __getitem__(self, k): raise ZeroDivisionError('boom')
try: 'a'.translate(T())
except ZeroDivisionError as e: print('ZeroDivisionError', e)
print('abc'.translate({97: True, 98: False}) == '\x01\x00c')
