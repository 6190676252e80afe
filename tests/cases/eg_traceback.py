# An uncaught exception group prints as nested boxes.
def fail(n):
    raise ValueError(f"bad {n}")

errors = []
for i in range(3):
    try:
        fail(i)
    except ValueError as e:
        errors.append(e)
inner = ExceptionGroup("inner", [TypeError("t"), KeyError("k")])
try:
    raise OSError("cause")
except OSError:
    try:
        raise ExceptionGroup("with context", [ValueError("c")])
    except ExceptionGroup as g:
        errors.append(g)
raise ExceptionGroup("outer", errors + [inner] + [IndexError(i) for i in range(14)])
