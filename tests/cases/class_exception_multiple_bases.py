# Classes may derive from several exception types that share BaseException's layout (encodings' CodecRegistryError);
# other builtin layouts still conflict.
class E(LookupError, SystemError): pass
print(E.__mro__[:3], isinstance(E(), SystemError))
try:
    class X(map, filter): pass
except TypeError as e: print(e)
try:
    class Y(int, str): pass
except TypeError as e: print(e)
try:
    class Z(dict, list): pass
except TypeError as e: print(e)
class W(KeyError, ValueError): pass
print(W('k'))
