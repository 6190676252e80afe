# Messages quote a native type by CPython's tp_name, which spells the module of a type that lives in a native
# module ('_io.StringIO', 'collections.deque', 'types.SimpleNamespace'); a builtin's is bare ('int') and a
# Python class's is its __name__.
import collections
import functools
import io
import itertools
import operator
import pickle
import sys
import types


class MyIO(io.StringIO):
    pass


objects = [io.StringIO(), io.BytesIO(), sys.stdout, sys.stdin.buffer, MyIO(), collections.deque(),
           types.SimpleNamespace(), itertools.count(), functools.partial(print), operator.itemgetter(1), 3]
for obj in objects:
    try:
        obj + 1
    except TypeError as e:
        print(e)
    try:
        len(obj) if not hasattr(obj, "__len__") else print("has len")
    except TypeError as e:
        print(e)

for t in (io.StringIO, io.TextIOWrapper, io.IncrementalNewlineDecoder, collections.deque, itertools.count, int):
    try:
        t.attribute = 1
    except TypeError as e:
        print(e)
    print(t.__name__, t.__qualname__, t.__module__, t)

with open(__file__) as f:
    try:
        pickle.dumps(f)
    except TypeError as e:
        print(e)
