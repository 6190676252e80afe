# round(int, negative ndigits): half to even at a multiple of 10**-ndigits; a power far beyond the value's size
# gives 0 (minipy once aborted inside GMP computing 10**(10**18) for round(5, -10**18), which CPython can only
# attempt, so that extreme is not compared here).
for value in (-15, 25, 15, 7, -5, 5, 10**30 + 5 * 10**9, -5 * 10**50, 12345, True):
    print([round(value, n) for n in (-1, -2, -10, -51, -1000)])
