# bytes case conversions (ASCII only), isX() predicates, padding, translate/maketrans and hex/fromhex.
cases = [
    'b"a".center(5, "x")',
    'b"a".center(5, b"xy")',
    'bytes.fromhex("zz")',
    'bytes.fromhex("a")',
    'b"abc".hex(":", 2)',
    'b"abcdef".hex("-", -4)',
    'b"abc".hex("::")',
    'b"abc".translate(None, b"b")',
    'bytes.maketrans(b"ab", b"c")',
    'b"ab".expandtabs("x")',
    'b"a".zfill("x")',
    'b"a".translate(b"x")',
    'b"Hello World \\xe9".upper()',
    'b"Hello World \\xc9".lower()',
    'b"hello wORLD".title()',
    'b"hELLO".capitalize()',
    'b"Hello".swapcase()',
    'b"abc".isalpha()',
    'b"ab1".isalnum()',
    'b"123".isdigit()',
    'b" \\t".isspace()',
    'b"\\x1c".isspace()',
    'b"ABC".isupper()',
    'b"abc".islower()',
    'b"Ab Cd".istitle()',
    'b"\\xe9".isascii()',
    'b"".isalpha()',
    'b"ab".center(7, b"*")',
    'b"ab".ljust(5)',
    'b"ab".rjust(5, b"0")',
    'b"-42".zfill(6)',
    'b"a\\tbc\\td".expandtabs(4)',
    'bytes.maketrans(b"ab", b"AB")[97:99]',
    'b"abc".translate(bytes.maketrans(b"ab", b"AB"))',
    'b"\\x00\\xff".hex()',
    'bytes.fromhex("00 ff 1A")',
]
for e in cases:
    try:
        print(e, '->', repr(eval(e)))
    except Exception as x:
        print(e, '!!', type(x).__name__, x)
