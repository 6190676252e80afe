# The builtin warning categories exist with CPython's hierarchy (warnings.py, typing and pathlib use them).
import builtins

for name in ["Warning", "UserWarning", "DeprecationWarning", "PendingDeprecationWarning", "SyntaxWarning",
             "RuntimeWarning", "FutureWarning", "ImportWarning", "UnicodeWarning", "BytesWarning",
             "ResourceWarning", "EncodingWarning"]:
    cls = getattr(builtins, name)
    print(name, cls.__mro__, cls.__module__)
try:
    raise PendingDeprecationWarning("soon", 2)
except Warning as e:
    print(type(e).__name__, e.args, repr(e))

# Builtin methods compare by (function, bound object), as CPython's: enum relies on `object.__new__` equality.
x = []
print(object.__new__ == object.__new__, x.append == x.append, x.append == [].append, type(None).__new__ == object.__new__)
print(hash(x.append) == hash(x.append), len in {len}, object.__new__ in {None, object.__new__})
