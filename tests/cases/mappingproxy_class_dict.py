# A class's __dict__ (and vars(cls)) is a read-only mappingproxy; instance __dict__ stays a dict.
class Base:
    """Docs."""
    greeting = "hi"

    def method(self):
        return 1


class Child(Base):
    extra = 2


d = Child.__dict__
print(type(d).__name__, type(d) is type(Base.__dict__), type(vars(Child)).__name__, type(int.__dict__).__name__)
print(d)
print(repr(Child.__dict__))
print(sorted(d), len(d), "extra" in d, "greeting" in d, d["extra"], d.get("greeting"), d.get("nope", "dflt"))
print(list(d.keys()), list(d.values())[1], [k for k, v in d.items()], list(iter(d)), [k for k in d])
c = d.copy()
print(type(c).__name__, c == dict(d), d == c, d != c, dict(d) == dict(vars(Child)))
c["added"] = 1
print("added" in d, "added" in c)
for action in ("set", "del", "attr"):
    try:
        if action == "set":
            d["extra"] = 3
        elif action == "del":
            del d["extra"]
        else:
            d.pop("extra")
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e)
Child.extra = 5
Child.later = "new"
print(d["extra"], "later" in d, Child.__dict__["later"], Base.__dict__["method"](None), Base.__dict__["__doc__"])
print("real" in int.__dict__, "upper" in vars(str), int.__dict__["bit_length"], str.__dict__["upper"](Child.__name__))
print(sorted(k for k in vars(Base) if not k.startswith("__")), sorted(vars(Child).keys())[:2])
obj = Child()
obj.x = 1
print(type(obj.__dict__).__name__, vars(obj), obj.__dict__ is vars(obj))
obj.__dict__["y"] = 2
print(obj.y, Base.__dict__["__dict__"], Child.__dict__.get("__weakref__"), Base.__dict__["__weakref__"])
print(type.__dict__["__dict__"] if False else "ok", isinstance(Child.__dict__, dict), bool(Child.__dict__))


class Meta(type):
    pass


print(sorted(Meta.__dict__), type(Meta.__dict__).__name__, "__weakref__" in vars(type("Plain", (), {})))
