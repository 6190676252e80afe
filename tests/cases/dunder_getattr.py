class Proxy:
    def __init__(self, target):
        self._target = target

    def __getattr__(self, name):
        if name.startswith("secret"):
            raise AttributeError(f"no access to {name}")
        return getattr(self._target, name)


p = Proxy([3, 1, 2])
p.append(0)
print(p._target, p.count(1), hasattr(p, "sort"), hasattr(p, "secret_x"))
try:
    p.secret_key
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.nothing
except AttributeError as e:
    print("AttributeError:", e)


class Defaults:
    x = 1

    def __getattr__(self, name):
        return f"default:{name}"


d = Defaults()
d.y = 2
print(d.x, d.y, d.z, getattr(d, "w"))


class Logged:
    def __init__(self):
        object.__setattr__(self, "log", [])

    def __setattr__(self, name, value):
        self.log.append(name)
        object.__setattr__(self, name, value * 2)

    def __delattr__(self, name):
        self.log.append("del " + name)
        object.__delattr__(self, name)


lg = Logged()
lg.a = 1
lg.b = "x"
del lg.a
print(lg.log, lg.b, hasattr(lg, "a"))


class Everything:
    def __getattribute__(self, name):
        if name == "special":
            return "intercepted"
        return object.__getattribute__(self, name)


ev = Everything()
ev.q = 5
print(ev.special, ev.q)
try:
    ev.missing
except AttributeError as e:
    print("AttributeError:", e)
