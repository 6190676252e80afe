import types, collections
m = types.MappingProxyType({'a': 1, 'b': 2})
print(m | {'c': 3}, type(m | {'c': 3}).__name__)
print({'z': 0} | m)
print(m | m)
print(list(reversed(m)), type(reversed(m)).__name__)
print(types.MappingProxyType[str, int])
print(hasattr(m, '__or__'), hasattr(m, '__ror__'), hasattr(m, '__ior__'))
try:
    m |= {'x': 1}
except TypeError as e:
    print('TypeError', e)
try:
    m | 3
except TypeError as e:
    print('TypeError', e)
o = types.MappingProxyType(collections.OrderedDict(a=1))
print(o | {'q': 2})
print(list(reversed(types.MappingProxyType(collections.OrderedDict(a=1, b=2)))))
