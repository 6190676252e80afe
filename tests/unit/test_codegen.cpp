// Codegen suite: differential against python3.11. python3.11 parses each snippet (so this suite does not depend
// on minipy's parser), minipy folds, analyses, generates and assembles it, and the code objects are compared as
// text: instructions (CACHE skipped), names, locals, flags, stack size, constants and, separately, the location
// and exception tables.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <sstream>

#include "codegen_test_support.h"

namespace minipy::test {
namespace {

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

std::string without_tables(const std::string& dump) {
  std::istringstream in(dump);
  std::string line, out;
  while (std::getline(in, line))
    if (line.rfind("linetable", 0) != 0 && line.rfind("exctable", 0) != 0) out += line + "\n";
  return out;
}

TEST_CASE("codegen matches python3.11 instruction for instruction") {
  auto expected = python_snippets(kSnippets);
  if (!expected) return;
  int code_same = 0, fully_same = 0, total = 0;
  for (size_t i = 0; i < kSnippets.size(); ++i) {
    const PythonSnippet& py = (*expected)[i];
    ast::Arena arena;
    ast::Module* module = load_python_ast(py.ast_tokens, arena);
    if (!module) continue;  // python3.11 itself could not parse it
    ++total;
    std::string mine = compile_and_dump(*module, arena, true);
    bool same_code = without_tables(mine) == without_tables(py.dump);
    bool same_all = mine == py.dump;
    code_same += same_code;
    fully_same += same_all;
    CAPTURE(kSnippets[i]);
    CHECK_MESSAGE(without_tables(mine) == without_tables(py.dump), "minipy:\n" << mine << "python3.11:\n" << py.dump);
    if (same_code && !same_all) MESSAGE("tables differ for:\n" << kSnippets[i] << "minipy:\n" << mine << "python3.11:\n" << py.dump);
  }
  MESSAGE(fmt::format("codegen differential: {}/{} snippets identical in code, {}/{} including line/exception tables",
                      code_same, total, fully_same, total));
}

}  // namespace
}  // namespace minipy::test
