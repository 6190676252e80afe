# An uncaught AttributeError whose name and obj the program chose (not a str, or unset) prints without a
# suggestion, as CPython's (minipy's printer once read such a name as a str and crashed).
try:
    raise AttributeError()
except AttributeError as e:
    print(e.name, e.obj)
raise AttributeError("boom", name=12, obj=23)
