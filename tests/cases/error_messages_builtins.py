# One line per error path: the exception type and CPython 3.11's message text.
tests = [
 "f = lambda x: x; f(1, 2)", "def f(*, a): pass\nf(1)", "def f(a, /): pass\nf(a=1)", "len(1)", "1 + 'a'",
 "[].pop()", "{}['x']", "int('x')", "x = undefined_name", "def f():\n  print(v)\n  v = 1\nf()",
 "'abc'.foo", "None.x", "(1).__foo__", "[1][5]", "(1,2)[1:2:0]", "import nosuchmod",
 "a, b = [1, 2, 3]", "a, b, c = [1]", "iter(5)", "next(iter([]))", "int.x = 1", "object().x = 1", "1/0", "10 % 0",
 "2 ** -1 % 0", "float('nan') < 'a'", "sorted([1, 'a'])", "hash([])", "{[1]: 2}", "chr(-1)", "ord('ab')",
 "max()", "min([])", "range(1.5)", "'a' * 1.5", "[1,2].index(3)", "'abc'.index('z')", "dict(1)", "list(1)",
 "tuple(5)", "set([[1]])", "abs('x')", "round('x')", "divmod(1, 0)", "pow(0, -1)", "int('12', 1)",
 "isinstance(1, 2)", "issubclass(1, int)", "getattr(1, 'x')", "setattr(1, 'x', 2)", "type('A', 1, {})",
 "super()", "print(end=1)", "print(sep=2)", "'{}'.format()", "'{0} {}'.format(1, 2)", "'%d' % 'x'", "'%s %s' % (1,)",
 "f'{1:x<}' + f'{\"a\":d}'", "import sys; sys.exit('bye')", "raise SystemExit(3)", "assert 1 == 2, 'msg'",
 "class A:\n def __init__(self, x): pass\nA()", "class A: pass\nA(1)", "def g():\n yield 1\nx = g(); x.send(5)",
 "del undefined", "x = 1\ndel x\nprint(x)", "nonexistent.attr", "a = []; a[1] = 2", "a = {}; del a[1]",
 "b'a' + 'b'", "'a' + b'b'", "[1] + (2,)", "-'a'", "~1.5", "not_callable = 1; not_callable()",
 "'abc'[1] = 'x'", "(1, 2).append(3)", "frozenset([1]).add(2)", "{1}.remove(2)", "zip(1)", "enumerate(1)",
 "sum(['a', 'b'])", "sum([1], 'x')", "int(1.5e300 * 1e300)", "float('abc')", "1 << -1", "1.5 // 0",
]

for t in tests:
    try:
        exec(t, {'__name__': '__main__'})
        print('ok', repr(t))
    except SystemExit as e:
        print('SystemExit', e.code)
    except BaseException as e:
        print(type(e).__name__, e)
