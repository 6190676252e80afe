# Slot wrappers: a builtin type's method for one of its slots is a wrapper_descriptor (int.__add__,
# object.__init__), bound it is a method-wrapper ((1).__add__); their __doc__ and __text_signature__ are CPython's
# (minipy takes them from its one slot table), inspect.signature reads them, pickle stores them by reference, and
# object's hand-written ones check their arguments as CPython's wrappers do.
import inspect
import pickle
import types

print(type(object.__init__), type(int.__add__), type(str.join), type((1).__add__))
print(types.WrapperDescriptorType, types.MethodWrapperType, types.MethodDescriptorType)
print(int.__add__.__doc__, "|", int.__add__.__text_signature__, "|", (1).__add__.__doc__, "|",
      (1).__add__.__text_signature__)
print(object.__init__.__doc__, "|", object.__init__.__text_signature__)
for name in ["__neg__", "__radd__", "__pow__", "__rpow__", "__len__", "__hash__", "__iter__", "__next__", "__call__",
             "__bool__", "__index__", "__divmod__", "__rtruediv__", "__floordiv__", "__lshift__", "__rxor__",
             "__contains__", "__setitem__", "__delitem__", "__get__", "__set__", "__delete__"]:
    for t in (int, float, list, dict, type(iter([])), type, bool, range, property):
        d = t.__dict__.get(name)
        if d is not None and type(d) is types.WrapperDescriptorType:
            print(name, t.__name__, repr(d.__doc__), d.__text_signature__)
            break
for name in ["__eq__", "__lt__", "__str__", "__repr__", "__getattribute__", "__setattr__", "__delattr__", "__init__",
             "__hash__"]:
    d = object.__dict__[name]
    print(name, type(d).__name__, repr(d.__doc__), d.__text_signature__)
print(set.__isub__.__doc__, set.__iand__.__doc__, set.__ior__.__doc__, set.__ixor__.__doc__)
print(inspect.signature(int.__add__), inspect.signature(object.__init__), inspect.signature((1).__add__),
      inspect.signature(int.__pow__))
print(object.__init__, int.__add__.__name__, int.__add__.__qualname__, int.__add__.__objclass__)
print(isinstance(object.__init__, types.MethodDescriptorType), isinstance(str.join, types.WrapperDescriptorType))
print(int.__add__(1, 2), int.__add__.__get__(5)(1), type(object.__init__.__get__(object())).__name__)
print(inspect.isroutine(int.__add__), inspect.ismethoddescriptor(int.__add__), callable(int.__add__))
print(int.__add__.__reduce__(), pickle.loads(pickle.dumps(int.__add__)) is int.__add__,
      pickle.loads(pickle.dumps(object.__repr__)) is object.__repr__)

o = object()
for name, args in [("__repr__", (1,)), ("__str__", (1,)), ("__hash__", (1,)), ("__eq__", ()), ("__eq__", (1, 2)),
                   ("__lt__", ()), ("__getattribute__", ()), ("__getattribute__", ("a", "b")),
                   ("__setattr__", ("a",)), ("__delattr__", ())]:
    for kwargs in ({}, {"k": 1}):
        try:
            getattr(object, name)(o, *args, **kwargs)
        except TypeError as e:
            print(name, "TypeError:", e)
for call in (lambda: int.__add__(), lambda: int.__add__("x", 1), lambda: int.__neg__(1, 2)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
