# _contextvars (what contextvars and decimal use): ContextVar get/set/reset with defaults, Token, Context as a
# mapping, copy_context snapshots, Context.run isolation, and the error messages.
import _contextvars as cv

v = cv.ContextVar("x", default=1)
w = cv.ContextVar("w")
print(repr(v).startswith("<ContextVar name='x' default=1 at 0x"), repr(w).startswith("<ContextVar name='w' at"))
print(v.name, v.get(), v.get(5), w.get("fallback"))
t = v.set(2)
print(repr(t).startswith("<Token var=<ContextVar name='x'"), t.var is v, t.old_value is cv.Token.MISSING,
      repr(cv.Token.MISSING), v.get())
ctx = cv.copy_context()
print(type(ctx).__name__, len(ctx), v in ctx, w in ctx, ctx[v], ctx.get(w), ctx.get(w, 9), list(ctx) == [v])
print(sorted(ctx.values()), [(k.name, val) for k, val in ctx.items()], [k.name for k in ctx.keys()])
t2 = v.set(3)
print(ctx[v], v.get(), t2.old_value)
v.reset(t2)
print(v.get(), repr(t2).startswith("<Token used var="))


def inside(a, b=0):
    v.set(a + b)
    w.set("in")
    return v.get(), w.get(), cv.copy_context()[v]


print(ctx.run(inside, 10, b=5), v.get(), w.get("none outside"), ctx[v], ctx[w])
print(ctx.copy()[v], len(cv.Context()), cv.Context() == cv.Context(), ctx == ctx.copy())
print(cv.ContextVar[int])
fresh = cv.Context()
print(fresh.run(lambda: (v.get(), w.get("unset"))))
v.reset(t)
print(v.get())

for stmt in ["w.get()", "cv.ContextVar()", "cv.ContextVar(1)", "v.reset(t)", "v.reset(1)", "ctx[w]", "ctx[1]",
             "ctx.run(ctx.run, len)", "cv.Context(1)", "v.get(1, 2)", "hash(ctx)", "cv.ContextVar('a', 1)",
             "v.set()", "cv.Token()", "ctx.get()", "1 in ctx", "w.reset(v.set(0))"]:
    try:
        print(stmt, "->", eval(stmt))
    except Exception as e:
        print(stmt, "!!", type(e).__name__, str(e).split(" at 0x")[0])
