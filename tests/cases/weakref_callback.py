# weakref.ref: calling it gives the object while it lives and None after it is collected; the callback runs with
# the reference once the object is gone. A reference that dies first calls nothing.
import gc
import weakref


class Thing:
    def __init__(self, name):
        self.name = name


def report(ref):
    print("callback: referent gone", ref() is None)


def make_refs():
    t = Thing("t")
    r = weakref.ref(t, report)
    plain = weakref.ref(t)
    print("alive", r() is t, r().name, plain() is t)
    print("callback attr", r.__callback__ is report, plain.__callback__)
    print("count", weakref.getweakrefcount(t))
    return r, plain


refs = make_refs()
gc.collect()
print("after collect", refs[0](), refs[1]())

keep = Thing("kept")
kr = weakref.ref(keep)
gc.collect()
print("kept alive", kr() is keep, kr().name)


def dropped_ref():
    t = Thing("u")
    weakref.ref(t, report)
    return t


survivor = dropped_ref()
gc.collect()
print("no callback for a dead reference")
print(type(kr).__name__, weakref.ref is weakref.ReferenceType)
