# faulthandler: dump_traceback's format (file, fd, name truncation and escapes), enable/disable/is_enabled,
# dump_traceback_later's watchdog, register/unregister on SIGUSR1 (with and without chaining to a Python handler),
# the crash report of a child killed by a fatal signal, and the argument errors (the report from a finalizer
# run by gc.collect is finalize_faulthandler_gc). Thread ids differ between interpreters, so they are masked.
import faulthandler
import gc
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

print(faulthandler.__doc__, faulthandler.is_enabled())
print(faulthandler.dump_traceback.__doc__)


def masked(text):
    return re.sub(r"(?i)(thread) 0x[0-9a-f]+", r"\1 0x<id>", text)


def show_file(path):
    with open(path, "rb") as f:
        data = f.read().decode("ascii")
    print(masked(data), end="")


def inner():
    sys.stdout.flush()
    faulthandler.dump_traceback(sys.stdout, all_threads=False)


def outer():
    inner()


outer()

# A descriptor, and every thread (minipy's one) with its id masked.
with tempfile.TemporaryFile("wb+") as f:
    faulthandler.dump_traceback(f.fileno())
    f.seek(0)
    print(masked(f.read().decode()), end="")

# Names are cut at 500 characters; non-ASCII ones are escaped.
namespace = {}
exec("def " + "x" * 510 + "():\n    import faulthandler, sys\n    faulthandler.dump_traceback(sys.stdout, False)\n",
     namespace)
exec("def funci\u00f3n_\u4e2d_\U00020000():\n    import faulthandler, sys\n"
     "    faulthandler.dump_traceback(sys.stdout, False)\n", namespace)
for name, func in namespace.items():
    if callable(func):
        func()

print("disable when off:", faulthandler.disable())
faulthandler.enable(sys.stdout)
print("enabled:", faulthandler.is_enabled())
faulthandler.enable(file=sys.stdout, all_threads=False)
print("disable:", faulthandler.disable(), faulthandler.is_enabled())

# The watchdog: one dump after 0.2 s, while the main thread sleeps in time.sleep.
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "later.txt")
    with open(path, "wb") as out:
        def sleeper():
            faulthandler.dump_traceback_later(0.2, file=out)
            time.sleep(1.2)
            faulthandler.cancel_dump_traceback_later()
        sleeper()
    show_file(path)
    # Cancelled at once: nothing is written.
    with open(path, "wb") as out:
        faulthandler.dump_traceback_later(0.1, repeat=True, file=out)
        faulthandler.cancel_dump_traceback_later()
        time.sleep(0.3)
    print("after cancel:", os.path.getsize(path))
faulthandler.cancel_dump_traceback_later()

# A user signal: the stack is dumped and the program goes on; with chain=True the Python handler runs too.
calls = []
signal.signal(signal.SIGUSR1, lambda signum, frame: calls.append(signum))
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "user.txt")
    with open(path, "wb") as out:
        faulthandler.register(signal.SIGUSR1, file=out, all_threads=False, chain=True)

        def send():
            os.kill(os.getpid(), signal.SIGUSR1)
        send()
    show_file(path)
print("python handler:", calls)
print("unregister:", faulthandler.unregister(signal.SIGUSR1), faulthandler.unregister(signal.SIGUSR1))
os.kill(os.getpid(), signal.SIGUSR1)
print("python handler again:", calls)


# A crashing child: its report on stderr and death by the signal.
# (A sanitizer build of minipy would put its own SEGV/FPE handler after faulthandler's: the children run without.)
child_env = dict(os.environ)
child_env["ASAN_OPTIONS"] = child_env.get("ASAN_OPTIONS", "") + ":handle_segv=0:handle_sigfpe=0:handle_sigbus=0"


def crash(code):
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, env=child_env)
    lines = masked(proc.stderr.decode()).splitlines() + [""]
    # What follows the stack ("Extension modules: ...") names each interpreter's own native modules.
    print(proc.returncode, lines[:lines.index("", 2)])


crash("import faulthandler\nfaulthandler.enable()\ndef f():\n    faulthandler._sigsegv()\nf()\n")
crash("import faulthandler\nfaulthandler.enable(all_threads=False)\nfaulthandler._sigabrt()\n")
crash("import faulthandler\nfaulthandler.enable()\nfaulthandler._sigfpe()\n")
crash("import faulthandler\nfaulthandler.enable()\nfaulthandler._read_null()\n")
proc = subprocess.run([sys.executable, "-c", "import faulthandler\nfaulthandler._sigsegv()\n"], capture_output=True,
                      env=child_env)
print("not enabled:", proc.returncode, proc.stderr)


def attempt(func, *args, **kwargs):
    try:
        print(repr(func(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__, e)


attempt(faulthandler.enable, -1)
attempt(faulthandler.enable, "x")
attempt(faulthandler.enable, 1, 2, 3)
attempt(faulthandler.enable, foo=1)
attempt(faulthandler.dump_traceback, 2 ** 70)
attempt(faulthandler.dump_traceback_later, 0)
attempt(faulthandler.dump_traceback_later, -1.5)
attempt(faulthandler.dump_traceback_later, "x")
attempt(faulthandler.dump_traceback_later)
attempt(faulthandler.register, signal.SIGSEGV)
attempt(faulthandler.register, 0)
attempt(faulthandler.register, 100)
attempt(faulthandler.register, 2 ** 40)
attempt(faulthandler.unregister, signal.SIGABRT)
attempt(faulthandler.is_enabled, 1)


class BadFileno:
    def fileno(self):
        return -5


class NotInt:
    def fileno(self):
        return "3"


attempt(faulthandler.dump_traceback, BadFileno())
attempt(faulthandler.dump_traceback, NotInt())
attempt(faulthandler.dump_traceback, object())
saved, sys.stderr = sys.stderr, None
try:
    attempt(faulthandler.enable)
    attempt(faulthandler.dump_traceback)
    attempt(faulthandler.dump_traceback_later, 1)
    attempt(faulthandler.register, signal.SIGUSR1)
finally:
    sys.stderr = saved
print("still enabled:", faulthandler.is_enabled())
gc.collect()
