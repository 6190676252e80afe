# PEP 563 stores annotations as text: every binary operator unparsed with CPython's spacing, precedence and
# associativity (ast_unparse.c), parentheses only where the grouping needs them.
from __future__ import annotations
def f(a: x + y * z - w @ v / u % t ** s ** r << q >> p | o ^ n & m // l, b: (x + y) * z, c: x ** (y ** z), d: (x ** y) ** z, e: -x ** 2, g: (a | b) & c, h: a - (b - c), i: (a - b) - c): pass
print(f.__annotations__)
