# abc: abstract methods and properties block instantiation with CPython's message, register, subclass hooks,
# update_abstractmethods.
import abc
class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...
    @property
    @abc.abstractmethod
    def name(self): ...
class Sq(Shape):
    def __init__(s, a): s.a = a
    def area(s): return s.a * s.a
    @property
    def name(s): return "square"
try:
    Shape()
except TypeError as e:
    print(e)
class Half(Shape):
    def area(s): return 0
try:
    Half()
except TypeError as e:
    print(e)
q = Sq(3); print(q.area(), q.name, isinstance(q, Shape))
print(sorted(Shape.__abstractmethods__), Sq.__abstractmethods__)
class Meta(metaclass=abc.ABCMeta):
    pass
Meta.register(int)
print(isinstance(3, Meta), issubclass(bool, Meta), issubclass(str, Meta))
print(abc.get_cache_token() is not None)
class P(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if hasattr(C, 'quack'): return True
        return NotImplemented
class Duck:
    def quack(self): pass
print(issubclass(Duck, P), isinstance(Duck(), P), issubclass(int, P))
Half.area2 = 1
print(abc.update_abstractmethods(Half) is Half)
