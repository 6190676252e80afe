# The native fcntl module: descriptor flags, file locks (flock/lockf), buffers, and CPython's argument errors.
import fcntl, os, tempfile
def t(f, *a):
    try: print(repr(f(*a)))
    except Exception as e: print(type(e).__name__, e)
r, w = os.pipe()
print(fcntl.fcntl(r, fcntl.F_GETFD) & fcntl.FD_CLOEXEC)
flags = fcntl.fcntl(w, fcntl.F_GETFL)
fcntl.fcntl(w, fcntl.F_SETFL, flags | os.O_NONBLOCK)
print(os.get_blocking(w), fcntl.fcntl(w, fcntl.F_GETFL) & os.O_NONBLOCK != 0)
with tempfile.TemporaryFile() as f:
    print(fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB), fcntl.flock(f.fileno(), fcntl.LOCK_UN))
    print(fcntl.lockf(f, fcntl.LOCK_EX), fcntl.lockf(f, fcntl.LOCK_UN))
    t(fcntl.lockf, f, 0)
t(fcntl.fcntl, -1, fcntl.F_GETFD)
t(fcntl.fcntl, 999, fcntl.F_GETFD)
t(fcntl.fcntl, 'x', 1)
t(fcntl.fcntl, r, fcntl.F_GETFD, 1.5)
t(fcntl.fcntl, r, fcntl.F_GETFD, b'x' * 2000)
print(fcntl.fcntl(r, fcntl.F_GETFD, b'abcd'))
print(fcntl.LOCK_EX, fcntl.F_SETLKW, fcntl.F_GETPIPE_SZ)
