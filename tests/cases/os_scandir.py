# os.scandir: DirEntry name/path/type tests (files, directories, symlinks, a dangling symlink), cached stat,
# bytes paths, the iterator as a context manager, close(), errors.
import os, tempfile
base = tempfile.mkdtemp(prefix="scan_")
os.mkdir(os.path.join(base, "sub"))
open(os.path.join(base, "f"), "w").close()
os.symlink("f", os.path.join(base, "link"))
os.symlink("nowhere", os.path.join(base, "broken"))
os.chdir(base)
with os.scandir(".") as it:
    for e in sorted(it, key=lambda e: e.name):
        print(repr(e), e.name, e.path, e.is_dir(), e.is_file(), e.is_symlink(), e.is_dir(follow_symlinks=False),
              e.is_file(follow_symlinks=False), type(e.inode()), os.fspath(e))
        try:
            print(e.stat().st_size >= 0, e.stat(follow_symlinks=False).st_mode > 0, e.stat() is e.stat())
        except FileNotFoundError as x:
            print("FileNotFoundError", x.errno, x.filename)
print(sorted(e.path for e in os.scandir()))
print(sorted(e.path for e in os.scandir(b".")), sorted(e.name for e in os.scandir("sub/..")))
it = os.scandir("sub")
print(type(it).__name__, repr(type(it)), list(it))
it = os.scandir(".")
print(next(it).__class__)
it.close()
try:
    next(it)
except StopIteration:
    print("StopIteration after close")
try:
    os.scandir("nonexist")
except FileNotFoundError as e:
    print(e)
try:
    os.scandir(3.5)
except TypeError as e:
    print(e)
e = next(os.scandir("sub/.."))
try:
    e.name = "x"
except AttributeError as x:
    print("AttributeError:", x)
print(os.DirEntry)
