# __module__ of builtin functions: the module that defines them (None for a method bound to an object). pickle's
# whichmodule reads it, so protocol 0-2 pickles of bytes name `_codecs.encode` as CPython's do.
import _codecs
import codecs
import math
import pickle
import time

print(len.__module__, math.sqrt.__module__, time.time.__module__, codecs.encode.__module__)
print([].append.__module__, "x".join.__module__, _codecs.lookup.__module__)
for proto in range(6):
    print(proto, pickle.dumps(b"raw bytes", proto))
print(pickle.loads(pickle.dumps(b"\x00\xff", 0)))
print(pickle.dumps([math.sqrt, len], 0))
print(pickle.loads(pickle.dumps(math.sqrt, 2))(16.0))
