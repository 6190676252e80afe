# The single-threaded _thread stand-in: locks count acquisitions, RLock is reentrant, _local holds attributes;
# the errors as CPython's.
import _thread
l = _thread.allocate_lock()
print(type(l).__name__, l.locked(), l.acquire(), l.locked(), l.acquire(False), l.acquire(timeout=0.01))
l.release()
print(l.locked())
with l:
    print('inside', l.locked())
try:
    l.release()
except RuntimeError as e:
    print('RuntimeError', e)
r = _thread.RLock()
print(r.acquire(), r.acquire(), r._is_owned())
r.release(); r.release()
try:
    r.release()
except RuntimeError as e:
    print('RuntimeError', e)
print(type(_thread.get_ident()).__name__, _thread._count(), _thread.error is RuntimeError, _thread.TIMEOUT_MAX > 1e9)
loc = _thread._local()
loc.x = 5
print(loc.x, _thread.LockType is type(l))
class R(_thread.RLock): pass
print(R().acquire())
