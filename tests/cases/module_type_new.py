# types.ModuleType(name, doc) builds an empty module (it used to crash minipy): attributes, repr, errors.
import sys

ModuleType = type(sys)
m = ModuleType("scratch", "A scratch module.")
print(m, m.__name__, m.__doc__, m.__spec__, m.__loader__, m.__package__)
m.value = 42
m.__dict__["other"] = "x"
print(m.value, m.other, sorted(k for k in vars(m) if not k.startswith("__")))
print(ModuleType(name="kw"), ModuleType("nodoc").__doc__, sys, type(m) is ModuleType)
exec("def f():\n    return value + 1", m.__dict__)
print(m.f())
for args in [(), (1,), ("a", "b", "c")]:
    try:
        ModuleType(*args)
    except TypeError as e:
        print("TypeError:", e)
