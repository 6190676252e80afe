# Struct sequences (os.stat_result, time.struct_time, os.terminal_size, posix.uname_result, sys's info tuples) as
# CPython's structseq: the constructor's checks and messages, hidden fields from the sequence or the dict, the
# __reduce__ shape, read-only fields, no new attributes, no subclasses, uncallable sys.flags/sys.version_info.
import copy
import os
import pickle
import sys
import time


def attempt(func, *args, **kwargs):
    try:
        print(repr(func(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__, e)


for T in (os.stat_result, time.struct_time, os.terminal_size, os.uname_result):
    print(T.__name__, T.__module__, T.n_sequence_fields, T.n_fields, T.n_unnamed_fields, T.__match_args__)
    attempt(T)
    attempt(T, ())
    attempt(T, (1,))
    attempt(T, tuple(range(T.n_sequence_fields)))
    attempt(T, tuple(range(T.n_fields + 1)))
    attempt(T, 5)
    attempt(T, "ab")
    attempt(T, tuple(range(T.n_sequence_fields)), {"x": 1})
    attempt(T, tuple(range(T.n_sequence_fields)), 5)
    attempt(T, tuple(range(T.n_sequence_fields)), dict=None)
    attempt(T, sequence=iter(range(T.n_sequence_fields)))
    attempt(T, 1, 2, 3)
    attempt(T, (), bogus=1)

st = time.struct_time(tuple(range(9)), {"tm_zone": "Z", "tm_gmtoff": 3, "other": 0})
print(st.tm_zone, st.tm_gmtoff, st, st.__reduce__())
st = time.struct_time(tuple(range(11)))
print(st.tm_zone, st.tm_gmtoff, len(st), st.__reduce__())
s = os.stat_result(tuple(range(10)))
print(s.st_atime, s.st_mtime_ns, s.st_blksize, s.__reduce__())
s = os.stat_result(tuple(range(10)), {"st_atime": 1.5, "st_blksize": 7, "bogus": 3})
print(s.st_atime, s.st_mtime, s.st_blksize, s)
print(pickle.loads(pickle.dumps(s)).st_atime, copy.copy(s) == s, copy.deepcopy(st).tm_gmtoff)
print(time.gmtime(0).tm_zone, pickle.loads(pickle.dumps(time.gmtime(0))).tm_zone, time.gmtime(0)[:3])
print(type(os.stat_result.__dict__["st_mode"]).__name__ in ("member_descriptor", "property"))

for target, name in ((s, "st_mode"), (s, "st_atime"), (s, "foo"), (st, "tm_year")):
    try:
        setattr(target, name, 1)
    except AttributeError as e:
        print("set", name, "AttributeError:", e)
    try:
        delattr(target, name)
    except AttributeError as e:
        print("del", name, "AttributeError:", e)
try:
    vars(s)
except TypeError as e:
    print("TypeError:", e)
try:
    class Sub(os.terminal_size):
        pass
except TypeError as e:
    # (CPython names the class by its tp_name, os.terminal_size; minipy by __name__.)
    print("TypeError:", "not an acceptable base type" in str(e))

attempt(type(sys.flags))
attempt(type(sys.flags), tuple(range(17)))
attempt(type(sys.version_info), (3, 11, 0, "final", 0))
attempt(type(sys.float_info), tuple(range(11)))
attempt(type(sys.int_info), (1, 2, 3, 4))
attempt(type(sys.hash_info), tuple(range(9)))
attempt(type(sys.thread_info), (1, 2, 3))
attempt(os.stat_result.__new__, os.stat_result, tuple(range(10)))
attempt(time.struct_time.__new__, os.stat_result, tuple(range(10)))
print(os.terminal_size((1, 2)) == (1, 2), hash(os.terminal_size((1, 2))) == hash((1, 2)), os.terminal_size((3, 4))[1:])
match os.terminal_size((80, 24)):
    case os.terminal_size(columns, lines):
        print("match", columns, lines)
