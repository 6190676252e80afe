# compile(), exec() and eval() check their arguments as CPython 3.11 does: the file name goes through the file
# system decoder (str, bytes, os.PathLike, deprecated bytes-likes), flags/dont_inherit/optimize/_feature_version
# are C ints, only known flags pass; codeop's PyCF_ALLOW_INCOMPLETE_INPUT and PyCF_DONT_IMPLY_DEDENT work;
# exec() takes closure= for a code object with free variables.
import ast
import codeop
import pathlib
import warnings


def attempt(label, thunk):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = thunk()
            shown = getattr(result, "co_filename", result)
            outcome = f"-> {type(result).__name__} {shown!r}"
        except Exception as e:
            outcome = f"!! {type(e).__name__}: {e}"
    print(label, outcome, [(w.category.__name__, str(w.message)) for w in caught])


class BytesPath:
    def __fspath__(self):
        return b"from_fspath.py"


class BadPath:
    def __fspath__(self):
        return 3


for label, name in [("str", "s.py"), ("path", pathlib.PurePosixPath("a/b.py")), ("bytes", b"b.py"),
                    ("undecodable", b"\xff.py"), ("bytearray", bytearray(b"ba.py")), ("memoryview", memoryview(b"m.py")),
                    ("fspath bytes", BytesPath()), ("fspath int", BadPath()), ("int", 3), ("None", None),
                    ("nul str", "a\0b"), ("nul bytes", b"a\0b")]:
    attempt("filename " + label, lambda: compile("1", name, "eval"))

attempt("mode int", lambda: compile("1", "f", 3))
attempt("mode bad", lambda: compile("1", "f", "bad"))
for flags in ["x", 1.0, True, -1, 0x10, 0x200, 0x800, 0x8000, 0x20000, 0x1000000, 0x2000000, 2**31 - 1, 2**31, 2**70]:
    attempt(f"flags {flags!r}", lambda: compile("1", "f", "eval", flags))
for value in ["x", 1.5, None, True, 2**31]:
    attempt(f"dont_inherit {value!r}", lambda: compile("1", "f", "eval", 0, value))
for value in [3, -2, "1", 2**31]:
    attempt(f"optimize {value!r}", lambda: compile("1", "f", "eval", optimize=value))
for value in ["x", 2**31, -1, 9]:
    attempt(f"_feature_version {value!r}",
            lambda: type(compile("match x:\n case 1: pass", "f", "exec", ast.PyCF_ONLY_AST, _feature_version=value)))
attempt("7 positional", lambda: compile("1", "f", "eval", 0, 0, -1, 5))
attempt("keywords", lambda: compile(source="1", filename="f", mode="eval"))
attempt("missing mode", lambda: compile("1", "f"))

# codeop: more input wanted (None), a complete statement (code), or the error.
for source in ["if 1:", "if 1:\n  pass", "x = (", "'abc", "'''abc", "1 +", "def f(:", "x = 1", "if 1:\n  x = 1\n",
               "@d", "a = \\", "1 2", "for x in", "class A:", "x = [1,\n2", "f'{", "print(1", "a b c d"]:
    try:
        result = codeop.compile_command(source, "<input>", "single")
        print(repr(source), "more" if result is None else "complete")
    except SyntaxError as e:
        print(repr(source), "SyntaxError:", e.msg)
for source in ["if 1:", "x = (", "'abc", "'''abc", "1 +", "a = \\", "f'{", "def f(:", "1 2", "for x in",
               "if 1:\n  x", "x = [1,\n2", "@d", "class A:\n", "x = (\n", '"abc\n', "x = 1 +\n", "if 1:\n  pass",
               "print(1", "a b c d", "if 1 pass", "x = 1 if", "\u00e9 + ("]:
    for mode in ["single", "exec", "eval"]:
        for flags in [0x4000 | 0x200, 0x200]:
            try:
                compile(source, "f", mode, flags)
                print(repr(source), mode, hex(flags), "ok")
            except SyntaxError as e:
                print(repr(source), mode, hex(flags), type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno,
                      e.end_offset, repr(e.text))


# exec() and eval(): their namespaces, keywords and closures.
def outer():
    x = 1

    def inner():
        return x

    return inner


class Mapping:
    def __getitem__(self, key):
        raise KeyError(key)


cell = outer().__closure__[0]
attempt("exec locals int", lambda: exec("1", {}, 1))
attempt("exec locals mapping", lambda: exec("y = 1", {}, Mapping()))
attempt("exec globals list", lambda: exec("1", []))
attempt("exec globals mapping", lambda: exec("1", Mapping()))
attempt("exec keyword globals", lambda: exec("1", globals={}))
attempt("exec 4 args", lambda: exec("1", {}, {}, {}))
attempt("exec closure None", lambda: exec("1", {}, closure=None))
attempt("exec closure for a str", lambda: exec("1", {}, closure=(cell,)))
attempt("exec free code", lambda: exec(outer().__code__))
attempt("exec free code, closure", lambda: exec(outer().__code__, {}, closure=(cell,)))
attempt("exec free code, 2 cells", lambda: exec(outer().__code__, {}, closure=(cell, cell)))
attempt("exec free code, not cells", lambda: exec(outer().__code__, {}, closure=(1,)))
attempt("exec code, closure", lambda: exec(compile("1", "f", "exec"), {}, closure=(cell,)))
inner_code = [c for c in outer.__code__.co_consts if hasattr(c, "co_code")][0]
namespace = {}
attempt("exec inner with closure", lambda: exec(inner_code, namespace, closure=(cell,)))
print(outer.__code__.co_freevars, inner_code.co_freevars)
attempt("eval globals int", lambda: eval("1", 1))
attempt("eval globals mapping", lambda: eval("1", Mapping()))
attempt("eval locals int", lambda: eval("1", {}, 1))
attempt("eval locals list", lambda: eval("1", {}, []))
attempt("eval keyword", lambda: eval("1", globals={}))
attempt("eval 4 args", lambda: eval("1", {}, {}, {}))
attempt("eval free code", lambda: eval(outer().__code__))
attempt("eval int", lambda: eval(1))
