# contextlib: generator context managers (exceptions inside, misuse), suppress, redirect_stdout, ExitStack
# (enter_context binds __exit__ with types.MethodType), closing, nullcontext, ContextDecorator, async
# context managers driven by hand, chdir.
import contextlib, io, sys
@contextlib.contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name.upper()
    except ValueError as e:
        print("caught", e)
    finally:
        print("</%s>" % name)
with tag("a") as t:
    print("inside", t)
with tag("b"):
    raise ValueError("boom")
with contextlib.suppress(KeyError, IndexError):
    {}["x"]
print("suppressed")
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("hidden")
print(repr(buf.getvalue()))
with contextlib.ExitStack() as st:
    for n in "xyz":
        st.enter_context(tag(n))
    st.callback(print, "callback ran")
class Res:
    def close(self): print("closed")
with contextlib.closing(Res()):
    print("using")
with contextlib.nullcontext(5) as v:
    print(v)
@contextlib.contextmanager
def bad():
    yield 1
    yield 2
try:
    with bad():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)
class CM(contextlib.ContextDecorator):
    def __enter__(self): print("enter"); return self
    def __exit__(self, *a): print("exit", a[0]); return False
@CM()
def f(x): return x * 2
print(f(21))
@contextlib.asynccontextmanager
async def actx():
    print("aenter"); yield 7; print("aexit")
async def main():
    async with actx() as v:
        print("got", v)
c = main()
try:
    c.send(None)
except StopIteration:
    print("done")
with contextlib.chdir("/"):
    import os; print(os.getcwd())
