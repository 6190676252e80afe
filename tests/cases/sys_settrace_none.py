# sys.settrace/setprofile: minipy has no tracing, so gettrace()/getprofile() are None and only None can be set
# back (what doctest and unittest do); this prints CPython's view of that round trip.
import sys
saved = sys.gettrace()
sys.settrace(saved)
sys.setprofile(sys.getprofile())
print(sys.gettrace(), sys.getprofile())
for bad_args in [(), (None, None)]:
    try:
        sys.settrace(*bad_args)
    except TypeError as e:
        print("TypeError:", e)

import doctest
def double(x):
    """
    >>> double(21)
    42
    >>> double('ab')
    'abab'
    """
    return 2 * x
print(doctest.testmod(verbose=False))
