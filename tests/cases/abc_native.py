# _abc: what abc.ABCMeta is built on, called directly (abstract methods, register, the isinstance/issubclass
# caches and the cache token).
import _abc

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

def abstract(f):
    f.__isabstractmethod__ = True
    return f

class Base:
    @abstract
    def run(self): pass
    @abstract
    def stop(self): pass
    def ready(self): pass
    @classmethod
    def __subclasshook__(cls, other):
        return NotImplemented

_abc._abc_init(Base)
show("abstracts", lambda: sorted(Base.__abstractmethods__))
show("impl type", lambda: type(Base._abc_impl).__name__)

class Half(Base):
    def run(self): return 'ran'
_abc._abc_init(Half)
show("inherited abstracts", lambda: sorted(Half.__abstractmethods__))

class Full(Half):
    def stop(self): pass
_abc._abc_init(Full)
show("concrete", lambda: Full.__abstractmethods__)

def subclasscheck(cls, sub):
    return _abc._abc_subclasscheck(cls, sub)

class Meta:
    pass
Base.__subclasscheck__ = None
token = _abc.get_cache_token()
show("direct subclass", lambda: _abc._abc_subclasscheck(Base, Full))
show("not subclass", lambda: _abc._abc_subclasscheck(Base, int))
show("dump before", lambda: (_abc._get_dump(Base)[0], sorted(c().__name__ for c in _abc._get_dump(Base)[1]),
                             [c().__name__ for c in _abc._get_dump(Base)[2]], type(_abc._get_dump(Base)[3])))

class Registered:
    pass
show("register", lambda: _abc._abc_register(Base, Registered) is Registered)
show("token advanced", lambda: _abc.get_cache_token() == token + 1)
show("registered check", lambda: _abc._abc_subclasscheck(Base, Registered))
show("register non-class", lambda: _abc._abc_register(Base, 1))
show("subclasscheck non-class", lambda: _abc._abc_subclasscheck(Base, 1))
show("dump registry", lambda: [c().__name__ for c in _abc._get_dump(Base)[0]])
_abc._reset_caches(Base)
show("reset caches", lambda: (len(_abc._get_dump(Base)[1]), len(_abc._get_dump(Base)[2])))
_abc._reset_registry(Base)
show("reset registry", lambda: len(_abc._get_dump(Base)[0]))

class Hooked:
    @classmethod
    def __subclasshook__(cls, other):
        return hasattr(other, 'quack')
_abc._abc_init(Hooked)
class Duck:
    quack = 1
show("hook true", lambda: _abc._abc_subclasscheck(Hooked, Duck))
show("hook false", lambda: _abc._abc_subclasscheck(Hooked, int))
class BadHook:
    @classmethod
    def __subclasshook__(cls, other):
        return 1
_abc._abc_init(BadHook)
show("bad hook", lambda: _abc._abc_subclasscheck(BadHook, int))
show("no impl", lambda: _abc._abc_subclasscheck(Duck, int))
show("names", lambda: sorted(n for n in dir(_abc) if not n.startswith('__')))
