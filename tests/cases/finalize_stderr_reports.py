# Reports CPython writes to sys.stderr go to whatever sys.stderr is at the time: an exception ignored in
# __del__, one ignored in a weakref callback, sys.excepthook's default output and its failure report, and
# nothing at all when sys.stderr is None. (Named finalize_*: when a finalizer runs depends on the build's stack
# layout, so sanitizer builds check this case for memory errors only; see tests/tools/run_case.)
import gc
import io
import re
import sys
import weakref


def show(label, text):
    # Object addresses differ between runs; everything else must match CPython's report exactly.
    print(label, repr(re.sub(r"0x[0-9a-f]+", "0x...", text)))


class Noisy:
    def __del__(self):
        raise ValueError("raised in __del__")


def capture(action):
    saved, sys.stderr = sys.stderr, io.StringIO()
    try:
        action()
        return sys.stderr.getvalue()
    finally:
        sys.stderr = saved


def drop_noisy():
    x = Noisy()
    del x
    gc.collect()


show("del:", capture(drop_noisy))


class Target:
    pass


def broken_callback(ref):
    raise KeyError("raised in a weakref callback")


def make_ref():
    # The referent lives only in this frame, gone by the time gc.collect() runs (minipy has no reference
    # counts: the callback runs at the collection, not at the `del`).
    return weakref.ref(Target(), broken_callback)


def drop_target():
    r = make_ref()
    gc.collect()
    return r


show("weakref:", capture(drop_target))

show("excepthook:", capture(lambda: sys.excepthook(TypeError, TypeError("shown by the hook"), None)))


def chained():
    try:
        try:
            1 / 0
        except ZeroDivisionError as e:
            raise LookupError("outer") from e
    except LookupError as e:
        sys.excepthook(type(e), e, e.__traceback__)


show("chained:", capture(chained))


def hook_with_none_stderr():
    sys.stderr = None
    sys.excepthook(TypeError, TypeError("nowhere"), None)
    drop_noisy()


saved = sys.stderr
hook_with_none_stderr()
sys.stderr = saved
print("nothing printed with sys.stderr None")


class Unwritable:
    def write(self, text):
        raise OSError("cannot write")

    def flush(self):
        pass


# (sys.excepthook on such a stream is left out: CPython then dumps the object's internals on C's stderr.)
sys.stderr = Unwritable()
drop_noisy()
sys.stderr = saved
print("a failing stream loses the report quietly")
