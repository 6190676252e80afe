# The warning machinery CPython keeps in C (_warnings): filters and their order, the actions (default, once,
# module, always, ignore, error), __warningregistry__ and its invalidation when filters change, stacklevel,
# warn_explicit's arguments, malformed filters, and the category checks, each with CPython's messages.
import sys
import warnings


def show(label, thunk):
    try:
        print(label, "->", thunk())
    except Exception as e:
        print(label, "raised", type(e).__name__, e)


def record(action_setup, *calls):
    with warnings.catch_warnings(record=True) as caught:
        action_setup()
        for call in calls:
            call()
    return [(type(w.message).__name__, str(w.message), w.category.__name__, w.lineno > 0) for w in caught]


def emit(text="text", category=UserWarning, stacklevel=1):
    warnings.warn(text, category, stacklevel)


print(type(warnings.filters).__name__, len(warnings.filters) >= 4)
print([f[0] for f in warnings.filters if f[2] in (DeprecationWarning, PendingDeprecationWarning)])
print(warnings.defaultaction, type(warnings.onceregistry).__name__)

for action in ("default", "always", "once", "module", "ignore"):
    print(action, record(lambda: warnings.simplefilter(action), emit, emit, lambda: emit("other"), emit))

print("error", record(lambda: warnings.simplefilter("error"), lambda: show("emit", emit)))
show("filter by message regex", lambda: record(
    lambda: warnings.filterwarnings("error", message="tex"), lambda: show("emit", emit),
    lambda: show("other", lambda: emit("other"))))
show("filter by category", lambda: record(
    lambda: (warnings.simplefilter("ignore"), warnings.simplefilter("error", RuntimeWarning)),
    lambda: show("user", emit), lambda: show("runtime", lambda: emit("r", RuntimeWarning))))
show("filter by module", lambda: record(
    lambda: (warnings.simplefilter("ignore"), warnings.filterwarnings("always", module="__main__")),
    emit, emit))
show("filter by line", lambda: record(
    lambda: (warnings.simplefilter("ignore"), warnings.filterwarnings("always", lineno=24)), emit, emit))


def registry_keys():
    reg = globals().get("__warningregistry__", {})
    return sorted((k if isinstance(k, str) else (k[0], k[1].__name__) + tuple(k[2:])) for k in reg if k != "version")


with warnings.catch_warnings():
    warnings.simplefilter("default")
    globals().pop("__warningregistry__", None)
    saved_stderr = sys.stderr
    import io
    sys.stderr = io.StringIO()
    emit("registered")
    emit("registered")
    print("shown once:", sys.stderr.getvalue().count("registered"))
    print("registry:", registry_keys())
    warnings.simplefilter("default")  # filters changed: the registry is stale
    emit("registered")
    print("shown again after a filter change:", sys.stderr.getvalue().count("registered"))
    sys.stderr = saved_stderr
    print(sys.stderr is saved_stderr)


def level2():
    warnings.warn("from level2", UserWarning, stacklevel=2)


def where():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        level2()
        warnings.warn("deep", UserWarning, stacklevel=50)
        warnings.warn("zero", UserWarning, stacklevel=0)
    return [(w.filename.rsplit("/", 1)[-1], w.lineno) for w in caught]


print("stacklevels:", where())

show("category not a Warning", lambda: warnings.warn("x", int))
show("category not a class", lambda: warnings.warn("x", "nope"))
show("Warning instance wins", lambda: record(lambda: warnings.simplefilter("always"),
                                             lambda: warnings.warn(RuntimeWarning("inst"), UserWarning)))
show("non-str message", lambda: record(lambda: warnings.simplefilter("always"), lambda: warnings.warn(42)))
show("bad stacklevel", lambda: warnings.warn("x", UserWarning, "1"))

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn_explicit("explicit", RuntimeWarning, "some/file.py", 7)
    warnings.warn_explicit("explicit", RuntimeWarning, "some/file.py", 7, registry={})
    warnings.warn_explicit("explicit", RuntimeWarning, "some/file.py", 7, module="mod")
print("warn_explicit:", [(w.filename, w.lineno, w.category.__name__) for w in caught])
show("warn_explicit bad registry", lambda: warnings.warn_explicit("m", UserWarning, "f.py", 1, registry=[]))
show("warn_explicit bad globals", lambda: warnings.warn_explicit("m", UserWarning, "f.py", 1, module_globals=3))
show("warn_explicit bad filename", lambda: warnings.warn_explicit("m", UserWarning, 5, 1))
show("warn_explicit missing", lambda: warnings.warn_explicit("m", UserWarning))
reg = {}
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("default")
    for _ in range(3):
        warnings.warn_explicit("counted", UserWarning, "f.py", 3, registry=reg)
print("registry dedup:", len(caught), sorted(k for k in reg if k != "version"), reg.get("version") is not None)

with warnings.catch_warnings():
    warnings.filters[:] = [("error", None, Warning, None, 0), "not a tuple"]
    show("malformed filter after a match", lambda: emit())
    warnings.filters[:] = ["not a tuple"]
    show("malformed filter", lambda: emit())
    warnings.filters[:] = [(1, None, Warning, None, 0)]
    show("non-str action", lambda: emit())
    warnings.filters[:] = [("bogus", None, Warning, None, 0)]
    show("unknown action", lambda: emit())
with warnings.catch_warnings():
    warnings.filters = ()
    show("filters not a list", lambda: emit())

# An error filter's warning propagates with the caller's line on top, as any exception.
warnings.simplefilter("error")
try:
    emit("last")
except UserWarning as e:
    tb = e.__traceback__
    lines = []
    while tb:
        lines.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print("traceback frames:", lines)
emit("uncaught")
