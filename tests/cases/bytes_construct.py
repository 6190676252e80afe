# bytes construction, operators (+, *, in, comparisons), indexing and the slot dunders called by name.
cases = [
    'b"a".join(["a"])',
    'b"a" + "a"',
    'b"a" * "a"',
    '"a" in b"a"',
    '300 in b"a"',
    'bytes(-1)',
    'bytes([300])',
    'bytes(1.5)',
    'b",".join([b"a", b"b"])',
    'b"".join([])',
    'bytes(3)',
    'bytes([1, 2, 255])',
    'bytes(range(3))',
    'bytes()',
    'b"ab" * 3',
    '3 * b"ab"',
    'b"ab" * 0',
    'b"ab" + b"cd"',
    '98 in b"abc"',
    'b"bc" in b"abc"',
    'b"x" in b"abc"',
    'b"abc".__bytes__()',
    'b"a" < b"b"',
    'b"a" == "a"',
    'b"abc"[1]',
    'b"abc"[::-1]',
    'b"abc".__mul__(2)',
    'b"abc".__rmul__(2)',
    'b"abc".__add__(b"d")',
    'b"abc".__contains__(97)',
    'b"abc".__len__()',
]
for e in cases:
    try:
        print(e, '->', repr(eval(e)))
    except Exception as x:
        print(e, '!!', type(x).__name__, x)
