# inspect.signature of every callable in builtins, str, list, dict, math, itertools, functools, operator and os,
# as CPython derives it from the builtins' __text_signature__ (or the ValueError when there is none), and the
# __text_signature__ itself of functions, unbound and bound methods, class and static methods and types.
import functools
import inspect
import itertools
import math
import operator
import os
import re


def scrub(text):
    return re.sub(r"0x[0-9a-f]+", "0x?", text)


def signature_of(x):
    try:
        return str(inspect.signature(x))
    except (ValueError, TypeError) as e:
        return f"{type(e).__name__}: {scrub(str(e))}"


# Of os, the callables minipy's posix has (CPython's has more); of builtins, not site's exit/help/... (minipy runs
# no site), nor classmethod/staticmethod, whose __wrapped__ CPython's error names as a member descriptor; not
# functools._make_key, whose default shows a set of classes (ordered by address).
OS_NAMES = """
    DirEntry GenericAlias Mapping MutableMapping PathLike WCOREDUMP WEXITSTATUS WIFCONTINUED WIFEXITED
    WIFSIGNALED WIFSTOPPED WSTOPSIG WTERMSIG _Environ _check_methods _execvpe _exists _exit _fspath
    _get_exports_list _spawnvef _walk _wrap_close abort access chdir chmod close closerange confstr cpu_count
    device_encoding dup dup2 execl execle execlp execlpe execv execve execvp execvpe fdopen fork fpathconf
    fsdecode fsencode fspath fstat fsync ftruncate get_blocking get_exec_path get_inheritable get_terminal_size
    getcwd getcwdb getegid getenv getenvb geteuid getgid getpgid getpgrp getpid getppid getsid getuid isatty
    kill killpg link listdir lseek lstat makedirs mkdir open openpty pathconf pidfd_open pipe pipe2 popen putenv
    read readlink register_at_fork remove removedirs rename renames replace rmdir scandir set_blocking
    set_inheritable setpgid setsid spawnl spawnle spawnlp spawnlpe spawnv spawnve spawnvp spawnvpe stat
    stat_result strerror symlink sysconf terminal_size times times_result truncate umask uname uname_result
    unlink unsetenv urandom utime wait waitpid waitstatus_to_exitcode walk write
""".split()
SKIPPED = {"exit", "quit", "help", "copyright", "credits", "license", "classmethod", "staticmethod", "_make_key"}

for owner in [__builtins__, str, list, dict, math, itertools, functools, operator, os]:
    print("==", owner.__name__)
    for name in sorted(dir(owner)):
        if (owner is os and name not in OS_NAMES) or name in SKIPPED:
            continue
        x = getattr(owner, name)
        if not callable(x):
            continue
        print(name, scrub(signature_of(x)))

print("== text signatures")
for x in [len, print, str.split, "a".split, dict.fromkeys, {}.fromkeys, dict.get, bytes.maketrans, str.maketrans,
          math.isclose, itertools.count, itertools.count(1).__reduce__, functools.partial, operator.itemgetter,
          os.stat, int.__new__, True.bit_length, list.__init__, object, int, type, sorted, iter, next, min]:
    print(scrub(repr(x)), repr(getattr(x, "__text_signature__", "-")), signature_of(x))

print("== exceptions")
for x in [ValueError, OSError, StopIteration, SystemExit, BaseExceptionGroup]:
    print(x.__name__, repr(x.__text_signature__), signature_of(x))

print("== qualname, self, module")
for x in [str.maketrans, bytes.maketrans, int.__new__, dict.fromkeys, len, os.stat]:
    print(scrub(repr(x)), x.__qualname__, x.__self__ if not isinstance(x.__self__, type(os)) else "<module>",
          x.__module__)

print("== docs")
for x in [len, str.split, "a".split, math.isclose, dict.get, itertools.count, sorted]:
    print(repr(x.__doc__))

print("== classes")


class Documented:
    """Documented(a, b=2)
--

Made from a and b."""


class Plain:
    "plain(x)"


print(repr(Documented.__text_signature__), signature_of(Documented), repr(Plain.__text_signature__))


class Sub(itertools.count):
    pass


print(repr(Sub.__text_signature__), signature_of(Sub))

print("== pydoc")
import pydoc

for x in [len, str.split, math.isclose, dict.fromkeys, itertools.count.__next__]:
    print(scrub(pydoc.render_doc(x, renderer=pydoc.plaintext)))

print("== descriptor kinds")
for cls, name in [(dict, "fromkeys"), (int, "from_bytes"), (int, "__new__"), (int, "to_bytes"), (int, "__add__"),
                  (str, "maketrans"), (list, "__getitem__")]:
    d = cls.__dict__[name]
    print(cls.__name__, name, type(d).__name__, scrub(repr(d)), repr(getattr(d, "__text_signature__", "-")))
print([a[:3] for a in inspect.classify_class_attrs(bool)
       if a[0] in ("__new__", "from_bytes", "to_bytes", "__add__", "__and__")])
print(object.__new__ is object.__new__, int.__new__ is int.__new__, int.__new__ == int().__new__)

print("== native modules")
import _io
import select
import zlib

for x in [_io.open_code, _io.text_encoding, _io.BufferedReader.close, _io.BufferedReader.read, select.epoll.fromfd,
          select.epoll, zlib.compressobj, zlib.crc32, itertools.islice, functools.reduce, operator.attrgetter]:
    print(scrub(repr(x)), repr(getattr(x, "__text_signature__", "-")), signature_of(x))
print(repr(_io.BufferedReader.close.__doc__), select.epoll.fromfd.__qualname__, type(select.epoll.fromfd).__name__)
import sys

print(signature_of(sys.unraisablehook), signature_of(sys.getrecursionlimit), signature_of(sys.exit))
import ast

print(signature_of(ast.Add), signature_of(ast.AST), type(ast.AST.__dict__["__init__"]).__name__,
      scrub(repr(ast.AST.__new__)), ast.AST.__new__.__self__ is ast.AST)
