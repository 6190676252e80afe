// Codegen suite: differential against python3.11. python3.11 parses each snippet (so this suite does not depend
// on minipy's parser), minipy folds, analyses, generates and assembles it, and the code objects are compared as
// text: instructions (CACHE skipped), names, locals, flags, stack size, constants and, separately, the location
// and exception tables.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "codegen_test_support.h"
#include "compiler/compile.h"

namespace minipy::test {
namespace {

TEST_SUITE_BEGIN("codegen");

const std::vector<std::string> kSnippets = {
    // tier 1: straight-line code
    "x = 1\n",
    "x = 1\ny = x + 2 * 3\nprint(x, y)\n",
    "'doc'\na = b = c = 5\n",
    "a, b = 1, 2\na, b = b, a\n",
    "a, *b, c = range(10)\n",
    "[a, b] = (1, 2)\nx[1] = y\nx.attr = 3\nx[1:2] = z\nx[::2]\n",
    "x += 1\nx.y -= 2\nx[i] *= 3\nx //= 4\n",
    "del x\ndel x[0], y.z\n",
    "print(-x, +x, ~x, not x)\n",
    "x = 2 ** 10\ny = 'ab' * 3\nz = (1, 2) + (3,)\nw = -5 // 2\nv = 7 % -3\nu = 1 / 4\n",
    "t = (1, 2, (3, 4))\nl = [1, 2, 3]\nd = {'a': 1, 'b': 2}\ns = {1, 2}\ne = {}\nf = []\n",
    "l = [x, y, *z]\nt = (*a, b)\nd = {**m, 'k': v}\ns = {*a}\n",
    "print(a < b, a <= b, a == b, a != b, a > b, a >= b, a is b, a is not b, a in b, a not in b)\n",
    "print(a < b < c)\nprint(a < b < c < d)\n",
    "print(a and b, a or b, a and b or c)\n",
    "x = a if b else c\n",
    "if a:\n    x = 1\nelif b:\n    x = 2\nelse:\n    x = 3\n",
    "if a and b or not c:\n    pass\n",
    "if a < b < c:\n    f()\n",
    "while x < 10:\n    x += 1\nelse:\n    print('done')\n",
    "while True:\n    if x:\n        break\n    if y:\n        continue\n    x = g()\n",
    "for i in range(10):\n    print(i)\nelse:\n    print('no break')\n",
    "for i in [1, 2, 3]:\n    if i in (4, 5):\n        break\n",
    "for a, b in items:\n    continue\n",
    "def f(a, b=1, *, c=2):\n    return a + b + c\n",
    "def f():\n    'doc'\n    x = 1\n    return x\n",
    "def f(x):\n    if x:\n        return 1\n",
    "def f():\n    global g\n    g = 1\n    return h\n",
    "assert x, 'msg'\nassert y\n",
    "f(1, 2, k=3)\nobj.meth(1, key=2)\nobj.a.b()\n",
    "print(f'{x}', f'a{x!r}b{y:>10}c', f'{x:{w}}')\n",
    "l = [x * 2 for x in range(10) if x % 2]\n",
    "def f(n):\n    return [i * n for i in range(n) for j in range(i)]\n",
    "x = 'abc'[1]\ny = (1, 2, 3)[-1]\nz = not (a is b)\nw = not (a in b)\n",
    "x = __debug__\n",
    // tier 2
    "def outer():\n    x = 1\n    def inner():\n        return x\n    return inner\n",
    "def counter():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n    return inc\n",
    "f = lambda x, y=2: x + y\n",
    "@dec\ndef f():\n    pass\n\n@a.b(1)\n@c\nclass C:\n    pass\n",
    "def f(a, /, b, *args, c, d=4, **kw):\n    return a, b, args, c, d, kw\n",
    "f(*args)\nf(1, *args, **kw)\nf(**kw)\nf(a, k=1, **kw)\nobj.m(*a)\n",
    "class C(Base):\n    x = 1\n    def __init__(self, v):\n        self.v = v\n    def get(self):\n        return self.v\n",
    "class C(B):\n    def f(self):\n        return super().f()\n",
    "class C:\n    __x = 1\n    def m(self):\n        return self.__x\n",
    "try:\n    f()\nexcept ValueError:\n    g()\n",
    "try:\n    f()\nexcept (A, B) as e:\n    print(e)\nexcept C:\n    pass\nelse:\n    h()\n",
    "try:\n    f()\nfinally:\n    g()\n",
    "try:\n    f()\nexcept E as e:\n    g(e)\nelse:\n    h()\nfinally:\n    k()\n",
    "try:\n    f()\nexcept:\n    raise\n",
    "raise ValueError('x')\n",
    "raise ValueError from None\n",
    "with open(p) as f:\n    data = f.read()\n",
    "with a as x, b as y:\n    pass\n",
    "with a:\n    pass\n",
    "def f():\n    for x in y:\n        try:\n            return x\n        finally:\n            print(1)\n",
    "def f():\n    with a:\n        return 1\n",
    "def f():\n    for x in y:\n        with a:\n            break\n",
    "def f():\n    try:\n        g()\n    except E as e:\n        return e\n",
    "def g():\n    yield 1\n    x = yield\n    yield from h()\n",
    "s = {x for x in y}\nd = {k: v for k, v in items}\ng = (x for x in y)\n",
    "if (n := len(a)) > 10:\n    print(n)\n",
    "import os\nimport os.path\nimport a.b.c as d\nfrom x import y, z as w\nfrom . import m\nfrom .. p import *\n",
    "def f():\n    import os\n    from a import b\n    return os, b\n",
    "x: int = 1\ny: str\n",
    "def f(a: int, *b: str, c: float = 1.0, **d: bool) -> None:\n    pass\n",
    "def f():\n    x = 1\n    return [lambda: x for _ in range(3)]\n",
    "def f():\n    return [y for x in data if (y := g(x))]\n",
    "def f(*, a, b=2):\n    pass\n",
    "class A:\n    def f(self):\n        class B:\n            def g(self):\n                return __class__\n        return B\n",
    "x = [1, 2, 3, 4]\ny = {1, 2, 3}\nif a in [1, 2, 3]:\n    pass\nif b in {1, 2, 3}:\n    pass\n",
    "x = 10 ** 100\ny = 1 << 200\nz = 'x' * 5000\n",
    "for i in range(3):\n    for j in range(3):\n        if i == j:\n            continue\n        print(i, j)\n",
    "def f(x):\n    while x:\n        x -= 1\n        if x == 5:\n            return x\n    return -1\n",
    "def gen():\n    try:\n        yield 1\n    finally:\n        cleanup()\n",
    "print(*[1, 2], sep='')\n",
    "x = a[1:2, 3]\ny = a[...]\nz = a[:]\n",
    "return 1\n",
    "break\n",
    "def f():\n    continue\n",
    "def f(a, a):\n    pass\n",
    "def f():\n    x = 1\n    global x\n",
    "nonlocal x\n",
    "def f():\n    nonlocal y\n",
    "yield 1\n",
};


// Corner cases: closures through classes, unwinding, big displays, folding limits, multi-line locations, errors.
const std::vector<std::string> kCornerSnippets = {
    "",
    "'only a docstring'\n",
    "pass\n",
    "def f(x):\n    def g():\n        return x\n    return g\n",
    "def f():\n    x = 1\n    class C:\n        y = x\n        def m(self):\n            return x\n    return C\n",
    "def f():\n    class C:\n        x = 1\n        def m(self):\n            return x\n    x = 2\n    return C\n",
    "def f():\n    def g():\n        global h\n        def h():\n            pass\n    return g\n",
    "def f():\n    try:\n        return g()\n    finally:\n        h()\n",
    "def f():\n    for x in y:\n        try:\n            break\n        finally:\n            h()\n",
    "def f():\n    while a:\n        with b as c:\n            continue\n",
    "def f():\n    try:\n        pass\n    except E as e:\n        try:\n            g()\n        except F:\n            return 2\n",
    "def f():\n    try:\n        with a:\n            return x\n    finally:\n        g()\n",
    "x = [" + [] { std::string s; for (int i = 0; i < 40; ++i) s += "a" + std::to_string(i) + ", "; return s; }() + "]\n",
    "f(" + [] { std::string s; for (int i = 0; i < 35; ++i) s += "a, "; return s; }() + ")\n",
    "d = {" + [] { std::string s; for (int i = 0; i < 20; ++i) s += "'k" + std::to_string(i) + "': v, "; return s; }() + "}\n",
    "s = f'" + [] { std::string s; for (int i = 0; i < 20; ++i) s += "x{a}"; return s; }() + "'\n",
    "while a < b < c:\n    pass\n",
    "if (a if b else c):\n    pass\n",
    "if a or (b and c):\n    x()\nwhile a and not b:\n    y()\n",
    "if not a < b < c:\n    pass\n",
    "f = lambda *a, k=1, **kw: (a, k, kw)\ng = lambda: (yield)\n",
    "print(sum(x for x in range(10)))\n",
    "for a, *b in c:\n    pass\n",
    "def f():\n    [(y := x) for x in range(3)]\n    return y\n",
    "[(z := x) for x in range(3)]\n",
    "def f(a):\n    x = 1\n    del x, a.b, a[0]\n    def g():\n        nonlocal x\n        del x\n",
    "def f():\n    'doc'\n    'not doc'\n    42\n",
    "class C:\n    'doc'\n    x: int = 1\n",
    "class C(A, B, metaclass=M, **kw):\n    pass\nclass D(*bases):\n    pass\n",
    "class C:\n    def m(self):\n        def inner():\n            return super().m()\n        return inner\n",
    "def f():\n    import a.b as c\n    from d import *\n",
    "def f():\n    global n\n    n += 1\n",
    "l = [(a, b) for a, b in pairs if a if b]\nm = [{y for y in x} for x in xs]\nd = {k: v for k, v in kv if k}\n",
    "x = 2 ** -1\ny = -(2 ** 63)\nz = 1 / 0\nw = 'a' + 'b'\nv = b'x' * 3\nu = (1,) * 300\n",
    "a = ~True\nb = -True\nc = True + True\nd = 3.0 // 2\ne = -7.5 % 2\nf = 1e308 * 10\ng = (1, 2)[5]\nh = 'é'[0]\n",
    "x = ...\ny = b'bytes'\nz = None\nw = 1.5\nv = 10000000000000000000000\n",
    "a[b] += c\nfor i in x:\n    a[i] += 1\n",
    "def f():\n    return (\n        1 +\n        x\n    )\n",
    "x = (obj\n     .method(1)\n     .other)\n",
    "def f():\n    return\n",
    "def f(x):\n    return x if x else None\n",
    "for x in y:\n    if x:\n        continue\n    else:\n        break\nelse:\n    z()\n",
    "try:\n    a()\nexcept A:\n    try:\n        b()\n    except B:\n        raise C from e\n",
    "with a() as (x, y):\n    pass\n",
    "def g():\n    x = yield from range(3)\n    return x\n",
    "x = [*a, *b]\ny = (*a, *b)\nz = {**a, **b}\nw = [1, *a, 2]\n",
    "f(a, *b, c, *d)\nf(x=1, **a, y=2, **b)\n",
    "x = a.b.c.d\na.b.c = 1\n",
    "x = a[b][c]\nx[1][2] = 3\n",
    "print(f'{x!s:^10}', f'{x!a}', f'{x=}')\n",
    "def f(a, b):\n    return a @ b, a | b, a ^ b, a & b, a << b, a >> b\n",
    "if x:\n    pass\nelif y:\n    pass\n",
    "while 1:\n    pass\n",
    "while x:\n    if y:\n        break\nelse:\n    z()\n",
    "def f():\n    x = 1\n    global x\n",
    "def f(x):\n    global x\n",
    "def f():\n    print(x)\n    global x\n",
    "def f():\n    def g():\n        nonlocal x\n    return g\n",
    "class C:\n    nonlocal x\n",
    "def f():\n    from os import *\n",
    "[(yield) for x in y]\n",
    "def f():\n    return [x for x in range(3) if (x := 1)]\n",
    "f(a=1, a=2)\n",
    "__debug__ = 1\n",
    "try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n",
    "class C:\n    [(y := 1) for x in z]\n",
    "x = [i for i in range(3) if (j := i) for k in range((m := 2))]\n",
    "while any(x for x in y):\n    y.pop()\n",
    "a = (1e300 * 1e300 * 0, 1e300 * 1e300 * 0)\nb = 1e300 * 1e300 * 0\nc = 1e300 * 1e300 * 0\n",
    "from __future__ import annotations\nx: list[int] = []\ny: 'Foo' | None\nz.a: int\n"
    "def f(a: dict[str, int], *b: tuple[int, ...], c: Callable[[int], str] = g, **d: 1 + 2) -> -x ** 2:\n"
    "    v: set[int] = set()\n    return v\n"
    "class C:\n    a: (b if c else d)\n    b: lambda x, *y, z=1: x\n    c: f'{x!r:>{w}} {{}}'\n    d: a[1:2, ::3]\n"
    "    e: [i for i in y if i] = 1\n    g: not a < b and c or d\n    h: {**a, 'k': 1.5e300 * 1e10}\n"
    "    i: (1).real + 1 .imag\n    k: f(*a, x=1, **k)\n    l: f(i for i in x)\n    m: {1, 2} - {a for a in b}\n"
    "    n: {k: v for k, v in x}\n    o: (1, 'a', None, ...) + (b'x',)\n    p: u'u' if 1 else -1.0\n",
    "class C:\n    def f(self):\n        return __class__\n    x = __class__\n",
    "def f():\n    super = 1\n    class C:\n        def g(self):\n            return super\n    return C\n",
    "class C:\n    y = 1\n    z = [y for _ in range(3)]\n    w = lambda q=y: q\n    global g\n    g = 2\n",
    "def f():\n    x = 1\n    class C:\n        nonlocal x\n        x = 2\n        def m(self):\n            nonlocal x\n            x = 3\n    return C\n",
    "def f():\n    for i in x:\n        try:\n            continue\n        finally:\n            g()\n",
    "def f():\n    for i in x:\n        try:\n            g()\n        finally:\n            break\n",
    "def f():\n    try:\n        return 1\n    finally:\n        return 2\n",
    "def gen():\n    with a as b:\n        yield b\n    return 5\n",
    "def f():\n    try:\n        pass\n    except E as e:\n        del e\n    except F as e:\n        e = 1\n",
    "class C(*bases, **kw):\n    pass\n@a(b)(c)\n@d.e\ndef f(): pass\n",
    "def f(a, b):\n    def g():\n        a, b = b, a\n        return a\n    return g\n",
    "def f(x):\n    def g():\n        nonlocal x\n        del x\n    x += 1\n    return g\n",
    "x = [[y for y in range(x)] for x in range(3)]\nz = {k: [v for v in k] for k in 'ab'}\n",
    "def f(*args, **kwargs):\n    return g(*args, **kwargs), g(1, *args), g(k=1, *args), h(*args, a=1, **kwargs)\n",
    [] {  // 21 nested loops: one more than CPython's block stack allows
      std::string s;
      for (int i = 0; i < 21; ++i) s += std::string(i, ' ') + "for x" + std::to_string(i) + " in y:\n";
      return s + std::string(21, ' ') + "pass\n";
    }(),
    [] {  // more than 256 locals, constants and names: EXTENDED_ARG everywhere
      std::string s = "def f():\n";
      for (int i = 0; i < 300; ++i) s += fmt::format("    v{} = {} + g{}\n", i, i * 7, i);
      return s + "    return v299\n";
    }(),
    [] {  // a starred target after 256 others
      std::string s;
      for (int i = 0; i < 257; ++i) s += fmt::format("a{}, ", i);
      return s + "*rest = x\n";
    }(),
    "from __future__ import annotations\ndef f(x: (yield)): pass\n",
    "from __future__ import annotations\nx: (a := 1) = 2\n",
    "from __future__ import annotations\ndef f():\n    T = int\n    def g(x: T) -> T: pass\n    y: T = 1\n    return g\n",
    "'doc'\nfrom __future__ import division, print_function\nfrom __future__ import barry_as_FLUFL\nx = 1\n",
    "if x is 1:\n    pass\ny = x is not 'a'\nz = None is x is ()\nw = x is None\nassert (x, 'msg')\nassert ()\n",
    "f = [1, 2] (3, 4)\ng = (1, 2) (3)\nh = 'abc' (1)\ni = f'{x}' ()\nj = {1} (2)\nk = (lambda: 1)()\nl = 5 (x)\n",
    "a = 5[0]\nb = {1, 2}[0]\nc = (x for x in y)[0]\nd = None[1]\ne = [1, 2]['a']\nf = 'abc'[1.5]\n"
    "g = (1, 2)[(1, 2)]\nh = [x][True]\ni = [x][1:2]\nj = 'a'[f'{x}']\nk = (lambda: 1)[0]\n",
    "from __future__ import braces\n",
    "from __future__ import nonsense\n",
    "x = 1\nfrom __future__ import annotations\n",
    "import os; from __future__ import annotations\n",
    "a = x in {3, 1, 2}\nb = x in {100, 7, -1, 8, 15, 1, True, 2**40, -(2**70)}\nc = {9, 1, 17, 25, 33}\nd = x in {*range(20)}\n",
    "f = x in {(1, 2), (3, 4), (0, 2), (2, 0), 1.5, -2.25, 1e100, 3.0, 3}\ng = x in {1, 1.0, True, (1, 2.0), (1, 2)}\n",
    "e = x in {" + [] { std::string s; for (int i = 60; i > 0; i -= 3) s += std::to_string(i * 7) + ", "; return s; }() + "}\n",
    "x = '%s and %r' % (a, b)\ny = '%5s|%-3.2a|%%' % (a, b)\nz = '%d' % (a,)\nw = '%s %s' % (a,)\n",
    "global x\nx = 1\ndef f():\n    global y\ny = 2\n",
};

// The first differing line of two dumps with some context, for readable failures on big inputs.
std::string first_difference(const std::string& mine, const std::string& theirs) {
  auto split = [](const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
  };
  std::vector<std::string> a = split(mine), b = split(theirs);
  size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  size_t header = i;
  while (header > 0 && a[header].rfind("code ", 0) != 0) --header;
  std::string out = fmt::format("in {}\n", header < a.size() ? a[header] : "?");
  size_t from = i >= 3 ? i - 3 : 0;
  for (size_t k = from; k < i + 14; ++k)
    out += fmt::format("{:4} {:40} | {}\n", k, k < a.size() ? a[k] : "", k < b.size() ? b[k] : "");
  return out;
}

// A frozenset's iteration order depends on string hashes, which python3.11 randomises per process: compare its
// characters as a multiset.
std::string canonical(std::string line) {
  // Sets of ints, floats and tuples have a fixed order, which must match; strings and None hash per process.
  if (line.rfind("const frozenset(", 0) == 0 &&
      (line.find_first_of("'\"") != std::string::npos || line.find("None") != std::string::npos))
    std::sort(line.begin() + 16, line.end());
  return line;
}

std::string without_tables(const std::string& dump) {
  std::istringstream in(dump);
  std::string line, out;
  while (std::getline(in, line))
    if (line.rfind("linetable", 0) != 0 && line.rfind("exctable", 0) != 0) out += canonical(line) + "\n";
  return out;
}

std::string with_tables(const std::string& dump) {
  std::istringstream in(dump);
  std::string line, out;
  while (std::getline(in, line)) out += canonical(line) + "\n";
  return out;
}

// With `own_parser`, snippets go through compile_source() (minipy's parser included); otherwise through
// python3.11's AST, which isolates folding, symtable, codegen and assembly.
void run_differential(const std::vector<std::string>& snippets, const char* label, bool own_parser = false,
                      const std::string& mode = "exec", int optimize = 0,
                      const std::vector<std::string>* names = nullptr) {
  auto expected = python_snippets(snippets, mode, optimize);
  ast::ParseMode parse_mode = mode == "eval" ? ast::ParseMode::Eval : mode == "single" ? ast::ParseMode::Single
                                                                                       : ast::ParseMode::Exec;
  if (!expected) return;
  int code_same = 0, fully_same = 0, total = 0;
  for (size_t i = 0; i < snippets.size(); ++i) {
    const PythonSnippet& py = (*expected)[i];
    ast::Arena arena;
    ast::Module* module = load_python_ast(py.ast_tokens, arena);
    if (!module) continue;  // python3.11 itself could not parse it
    ++total;
    std::string mine = own_parser ? compile_source_and_dump(snippets[i], true, parse_mode, optimize)
                                  : compile_and_dump(*module, arena, true, optimize);
    bool same_code = without_tables(mine) == without_tables(py.dump);
    bool same_all = with_tables(mine) == with_tables(py.dump);
    code_same += same_code;
    fully_same += same_all;
    std::string excerpt = names ? (*names)[i] : snippets[i].substr(0, 300);
    CAPTURE(excerpt);
    CHECK_MESSAGE(same_code, "minipy | python3.11:\n" << first_difference(without_tables(mine), without_tables(py.dump)));
    if (same_code && !same_all) MESSAGE("tables differ:\n" << first_difference(mine, py.dump));
  }
  MESSAGE(fmt::format("{}: {}/{} snippets identical in code, {}/{} including line/exception tables", label,
                      code_same, total, fully_same, total));
}

TEST_CASE("codegen matches python3.11 instruction for instruction") { run_differential(kSnippets, "core"); }

TEST_CASE("codegen matches python3.11 on corner cases") { run_differential(kCornerSnippets, "corners"); }

TEST_CASE("constant folding of complex numbers matches python3.11") {
  // Folded as ast_opt.c folds them (compiler/complex_ops, shared with the VM).
  run_differential({"a = 1 + 2j\nb = 3.5 - 4j\nc = (1 + 2j) * (3 - 1j)\nd = (1 + 2j) / (3 - 4j)\ne = 1j / 0\n"
                    "f = -(2j)\ng = 2 * 1j\nh = (1 + 2j) ** 2\ni = (1 + 2j) ** -3\nj = (1 + 2j) ** 0.5\n"
                    "k = 2 ** (1 + 1j)\nl = (-8) ** 0.5\nm = (-2.5) ** 1.5\nn = 0j ** -1\no = 0j ** 0\np = 1j ** 101\n"},
                   "complex folding");
}

TEST_CASE("codegen matches python3.11 in eval and single modes and under -O / -OO") {
  const std::vector<std::string> expressions = {"1 + 2", "x", "f(x) if y else [a for a in b]", "lambda: 0",
                                                "(yield)", "{**a, 'k': 1}"};
  run_differential(expressions, "eval", false, "eval");
  run_differential(expressions, "eval through compile_source", true, "eval");
  const std::vector<std::string> statements = {"1 + 2\n", "x = 1\n", "for i in x: print(i)\n", "def f():\n    return 1\n\n",
                                               "a: int = 1\n", "if x:\n    y\n\n"};
  run_differential(statements, "single", false, "single");
  run_differential(statements, "single through compile_source", true, "single");
  const std::vector<std::string> optimized = {
      "'doc'\nassert x, 'm'\nif __debug__:\n    y()\ndef f():\n    'fdoc'\n    assert z\n    return __debug__\n",
      "class C:\n    'cdoc'\n    def m(self):\n        'mdoc'\n        pass\n"};
  run_differential(optimized, "-O", false, "exec", 1);
  run_differential(optimized, "-OO", false, "exec", 2);
  run_differential(optimized, "-OO through compile_source", true, "exec", 2);
}

TEST_CASE("deeply nested code is rejected, never a crash") {
  for (int n : {2000, 100000}) {
    std::string source = "x = 1";
    for (int i = 0; i < n; ++i) source += " + 1";
    CompileResult result = compile_source(source + "\n", "<deep>", ast::ParseMode::Exec);
    CAPTURE(n);
    if (n < 2900) {
      CHECK(result.ok());
    } else {
      REQUIRE_FALSE(result.ok());
      CHECK(result.error().message == "maximum recursion depth exceeded during compilation");
      CHECK(result.error().kind == SyntaxError::Kind::RecursionError);
    }
  }
}

TEST_CASE("compile_source matches python3.11 end to end") {
  std::vector<std::string> all = kSnippets;
  all.insert(all.end(), kCornerSnippets.begin(), kCornerSnippets.end());
  run_differential(all, "compile_source", true);
}

TEST_SUITE_END();

}  // namespace
}  // namespace minipy::test

namespace minipy::test {
namespace {

TEST_SUITE_BEGIN("codegen");

// Whole standard-library modules as snippets: real code exercises combinations no hand-written table does.
// MINIPY_CODEGEN_CORPUS may name a file listing other .py paths (one per line) for exploratory runs.
std::vector<std::string> corpus_sources(std::vector<std::string>* names) {
  std::vector<std::string> paths;
  if (const char* list = std::getenv("MINIPY_CODEGEN_CORPUS")) {
    std::ifstream in(list);
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) paths.push_back(line);
  } else {
    for (const char* name : {"abc", "bisect", "colorsys", "copy", "fnmatch", "functools", "genericpath", "heapq",
                             "keyword", "linecache", "numbers", "opcode", "operator", "posixpath", "queue",
                             "random", "reprlib", "shlex", "stat", "string", "textwrap", "token", "types",
                             "warnings", "weakref", "html/__init__", "json/encoder", "json/decoder", "enum", "dataclasses",
                             "argparse", "collections/__init__", "pprint", "difflib"})
      paths.push_back(fmt::format("/usr/lib/python3.11/{}.py", name));
  }
  std::vector<std::string> sources;
  for (const std::string& path : paths) {
    std::ifstream in(path);
    if (!in) continue;
    std::stringstream text;
    text << in.rdbuf();
    std::string source = text.str();
    // Outside minipy's subset: the loader does not know these nodes.
    if (source.find("async ") != std::string::npos || source.find("await ") != std::string::npos ||
        source.find("match ") != std::string::npos || source.find("except*") != std::string::npos)
      continue;
    sources.push_back(std::move(source));
    names->push_back(path);
  }
  return sources;
}

TEST_CASE("codegen matches python3.11 on standard library modules") {
  std::vector<std::string> names;
  std::vector<std::string> sources = corpus_sources(&names);
  if (sources.empty()) {
    MESSAGE("SKIPPED: no standard library sources found");
    return;
  }
  run_differential(sources, "stdlib", false, "exec", 0, &names);
  run_differential(sources, "stdlib through compile_source", true, "exec", 0, &names);
}

TEST_SUITE_END();

}  // namespace
}  // namespace minipy::test
