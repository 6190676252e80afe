# The surrogate error handlers: names CPython knows, whose surrogate results minipy refuses (as it does chr(0xd800)),
# and which fail like strict for characters they cannot take.
cases = [
    'b"abc".decode("utf-8", "surrogateescape")', 'b"abc".decode("ascii", "surrogatepass")',
    'b"a\\xffb".decode("utf-8", "surrogatepass")', '"\\xe9".encode("ascii", "surrogateescape")',
    '"\\xe9\\xe9".encode("ascii", "surrogatepass")', '"\\u20ac".encode("latin-1", "surrogateescape")',
    '"ok".encode("ascii", "surrogateescape")', 'b"a\\xe9\\x80".decode("utf-8", "bogus")',
]
for e in cases:
    try:
        print(e, '->', ascii(eval(e)))
    except Exception as x:
        print(e, '!!', type(x).__name__, x)
