# os.utime checks the shape of times= and ns= before touching the file (a non-tuple ns crashed minipy).
import os
for kwargs in ({"ns": 5}, {"ns": (1,)}, {"ns": [1, 2]}, {"times": (1, 2), "ns": (1, 2)}, {"times": 5}):
    try:
        os.utime("no_such_file", **kwargs)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
