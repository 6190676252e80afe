# sys.unraisablehook receives what no code can catch (a failing __del__, weakref callback, atexit callback) as an
# UnraisableHookArgs; None or a deleted hook means the default report; a failing hook is itself reported.
import atexit, gc, sys, weakref

class Noisy:
    def __init__(self, label): self.label = label
    def __del__(self): raise ValueError(f"boom in {self.label}")

# Each helper drops its object and the caller collects once the helper's frame is gone: minipy's collector scans
# a live frame's whole value stack, where a stale copy of the object may still sit (CPython frees it at `del`).
def drop(label):
    x = Noisy(label)
    del x

class Callback:
    """A weakref callback that fails, with a repr free of addresses (the default report prints it)."""
    def __init__(self, label): self.label = label
    def __call__(self, ref): raise KeyError(f"callback {self.label}")
    def __repr__(self): return f"Callback({self.label!r})"

def drop_referent(label):
    class Target: pass
    t = Target()
    r = weakref.ref(t, Callback(label))
    del t
    return r

seen = []
def hook(args):
    seen.append(args)
    print("hook:", type(args).__name__, args.exc_type.__name__, args.exc_value, args.err_msg,
          type(args.object).__name__, args.exc_traceback is not None, len(args), args[1] is args.exc_value)

print(sys.unraisablehook is sys.__unraisablehook__, type(sys.__unraisablehook__).__name__)
sys.unraisablehook = hook
drop("custom"); gc.collect()
print("object is the __del__ method:", seen[-1].object.__qualname__)
r = drop_referent("custom"); gc.collect()
print("object is the callback:", seen[-1].object)

class FailingHook:
    def __call__(self, args): raise RuntimeError("the hook fails")
    def __repr__(self): return "FailingHook()"
sys.unraisablehook = FailingHook()
r = drop_referent("failing hook"); gc.collect()

sys.unraisablehook = None
r = drop_referent("None hook"); gc.collect()
del sys.unraisablehook
r = drop_referent("deleted hook"); gc.collect()
sys.unraisablehook = sys.__unraisablehook__
r = drop_referent("restored"); gc.collect()

def at_exit():
    raise OSError("at exit")
atexit.register(at_exit)
sys.unraisablehook = hook
print("end")
