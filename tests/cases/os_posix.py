# The native posix and errno modules (Lib's os sits on them): files and directories in a scratch directory,
# stat results, descriptors, the environment, and the OSError subclasses with CPython's messages.
import errno
import posix

pid = posix.getpid()
base = '/tmp/minipy_os_posix_%d' % pid
posix.mkdir(base)
print(sorted(posix.listdir(base)), posix.access(base, posix.F_OK), posix.access(base + '/x', posix.R_OK))
path = base + '/a.txt'
fd = posix.open(path, posix.O_WRONLY | posix.O_CREAT | posix.O_TRUNC, 0o644)
print(type(fd).__name__, posix.write(fd, b'hello\n'), posix.lseek(fd, 0, 1))
posix.close(fd)
st = posix.stat(path)
print(type(st).__name__, st.st_size, st[6], len(st), oct(st.st_mode & 0o777), st.st_mode == st[0])
print(type(st.st_mtime).__name__, type(st[8]).__name__, type(st.st_mtime_ns).__name__, st.st_nlink)
print(isinstance(st, tuple), repr(st).startswith('os.stat_result(st_mode='))
fd = posix.open(path, posix.O_RDONLY)
print(posix.read(fd, 3), posix.read(fd, 100), posix.read(fd, 5), posix.fstat(fd).st_size)
posix.close(fd)
posix.chmod(path, 0o600)
print(oct(posix.stat(path).st_mode & 0o777))
posix.utime(path, (1000000000, 1000000000))
print(posix.stat(path).st_mtime, posix.stat(path).st_mtime_ns)
posix.rename(path, base + '/b.txt')
posix.symlink(base + '/b.txt', base + '/link')
print(sorted(posix.listdir(base)), posix.readlink(base + '/link') == base + '/b.txt')
print(posix.lstat(base + '/link').st_mode & 0o170000 == 0o120000, posix.stat(base + '/link').st_size)
print(sorted(posix.listdir(base.encode())))
posix.replace(base + '/b.txt', base + '/c.txt')
cwd = posix.getcwd()
posix.chdir(base)
print(posix.getcwd() == base, posix.getcwdb() == base.encode(), sorted(posix.listdir()))
posix.chdir(cwd)
old = posix.umask(0o22)
print(posix.umask(old) == 0o22)
print(len(posix.urandom(16)), type(posix.urandom(0)).__name__, posix.strerror(2), posix.fspath('x'), posix.fspath(b'y'))
class P:
    def __fspath__(self):
        return base + '/c.txt'
print(posix.stat(P()).st_size, posix.fspath(P()) == base + '/c.txt')
print(all(type(k) is bytes and type(v) is bytes for k, v in posix.environ.items()), b'PATH' in posix.environ)
print(posix.waitstatus_to_exitcode(256), posix.waitstatus_to_exitcode(9), type(posix.cpu_count()).__name__)
print(len(posix.uname()), posix.uname().sysname, posix.isatty(-1) if False else '')
print(errno.ENOENT, errno.EEXIST, errno.errorcode[errno.EACCES], errno.errorcode[11], errno.errorcode[95])

def attempt(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, type(e).__name__, e.errno if isinstance(e, OSError) else '', str(e).replace(base, 'BASE'))
    else:
        print(label, 'ok', repr(r))

attempt('stat missing', lambda: posix.stat(base + '/missing'))
attempt('mkdir exists', lambda: posix.mkdir(base))
attempt('rmdir nonempty', lambda: posix.rmdir(base))
attempt('unlink dir', lambda: posix.unlink(base))
attempt('listdir file', lambda: posix.listdir(base + '/c.txt'))
attempt('rename missing', lambda: posix.rename(base + '/nope', base + '/other'))
attempt('open missing', lambda: posix.open(base + '/nope', posix.O_RDONLY))
attempt('close bad', lambda: posix.close(9999))
attempt('stat type', lambda: posix.stat(3.5))
attempt('stat null', lambda: posix.stat('a\0b'))
attempt('fspath int', lambda: posix.fspath(3))
attempt('urandom neg', lambda: posix.urandom(-1))
e = OSError(errno.ENOENT, 'No such file', 'f')
print(type(e).__name__, e.args, e.errno, e.filename, e)
print(type(OSError(errno.EPIPE, 'x')).__name__, type(OSError(errno.EACCES, 'x')).__name__, type(OSError('plain')).__name__)
print(OSError('a', 'b', 'c', 'd', 'e').filename2, OSError(1, 'x', 'a', None, 'b'))
print(issubclass(BrokenPipeError, ConnectionError), TimeoutError.__mro__[1].__name__, OSError('x').errno)

posix.unlink(base + '/link')
posix.remove(base + '/c.txt')
posix.rmdir(base)
print(posix.access(base, posix.F_OK))
