registry = []


class Plugin:
    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        registry.append(cls.plugin_name)


class Alpha(Plugin):
    pass


class Beta(Plugin, name="bee"):
    pass


class Gamma(Beta):
    pass


print(registry, Alpha.plugin_name, Beta.plugin_name, Gamma.plugin_name)

try:
    class Bad(Plugin, colour="red"):
        pass
except TypeError as e:
    print("TypeError:", e)

try:
    class Plain(flavour=1):
        pass
except TypeError as e:
    print("TypeError:", e)


class Field:
    def __set_name__(self, owner, name):
        self.owner = owner.__name__
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, f"<unset {self.name}>")

    def __set__(self, obj, value):
        obj.__dict__[self.name] = value * 10


class Model:
    size = Field()
    weight = Field()


m = Model()
print(Model.size.owner, Model.size.name, Model.weight.name)
print(m.size)
m.size = 4
print(m.size, m.__dict__)


try:
    class WithMeta(metaclass=type):
        x = 1
    print("metaclass=type ok", WithMeta.x)
except Exception as e:
    print(type(e).__name__, e)
