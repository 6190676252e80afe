# compile() (unless dont_inherit), exec() and eval() pass the calling code's __future__ flags on to the code they
# compile, and compile()'s flags may set them; the code objects carry them in co_flags.
from __future__ import annotations

namespace = {}
exec(compile("def f(x: undefined_name): pass", "<inherited>", "exec"), namespace)
print(namespace["f"].__annotations__)
exec(compile("def f(x: int): pass", "<not inherited>", "exec", dont_inherit=True), namespace)
print(namespace["f"].__annotations__)
exec("def g(x: other_name) -> None: pass", namespace)
print(namespace["g"].__annotations__)
print(eval("lambda: 0").__code__.co_flags & 0x1000000)
print(hex(compile("1", "<flags>", "eval", 0x20000 | 0x800000, True).co_flags))
print(hex(compile("1", "<none>", "eval", 0, True).co_flags))


def nested():
    return compile("def h(y: later): pass", "<nested>", "exec")


exec(nested(), namespace)
print(namespace["h"].__annotations__)
