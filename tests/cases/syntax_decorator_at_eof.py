# A decorator with nothing after it: CPython places the error at its end marker, which has no column.
@decorator
