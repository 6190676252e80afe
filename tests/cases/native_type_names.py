# Error messages name a native module's type as CPython's tp_name does: "module.name" for every type a C module
# defines (array.array, zlib.Compress, _random.Random, ...), bare for builtins.
import array, collections, itertools, zlib, _random, _struct, _contextvars, _md5, hashlib, sys

objects = [array.array("i"), iter(array.array("i")), zlib.compressobj(), zlib.decompressobj(), _random.Random(),
           _struct.Struct("i"), _struct.Struct("i").iter_unpack(b""), _contextvars.ContextVar("v"),
           _contextvars.copy_context(), _contextvars.ContextVar("v").set(1), _md5.md5(), collections.deque(),
           itertools.count(), sys._getframe(), iter([]), {}.keys()]
for obj in objects:
    try:
        1 + obj
    except TypeError as e:
        print(e)
    print(type(obj).__name__, type(obj).__module__, type(obj).__qualname__)
