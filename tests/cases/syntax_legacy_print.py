# Python 2's `print x` / `exec code`: CPython's error pass reports "Missing parentheses in call to 'print'. Did you
# mean print(...)?" over the name and the expression list after it, wherever an expression may stand, and also
# for a `print <expr>` the first pass accepted (`print -1`, `print [1]`) when an error follows it.
cases = [
    "print x\n", "print 'hello'\n", "exec 'x=1'\n", "exec code\n", "print x, y\n", "print\n", "print >>f, x\n",
    "if 1:\n    print x\n", "print x if y else z\n", "print -1\n", "print (x) y\n", "exec 'x' in d\n", "print f(x)\n",
    "print x.y\n", "print 1\n", "print x;\n", "a = print x\n", "print $\n", "print x = 3\n", "print(x) x\n",
    "exec x y\n", "print 'a' 'b'\n", "print x\ny = 1\n", "exec\n", "print x.\n",
    "foo(print x)\n", "lambda: print x\n", "x = [print y]\n", "print 'a' % b\n", "print x,\n", "print not x\n",
    "if print x:\n    pass\n", "print x, y z\n", "print x[1](2).y\n", "print {1: 2}\n", "print ~x\n",
    "print lambda: 1\n", "print *a\n", "exec 'a' 'b' in c\n", "print -x y\n", "x.print y\n", "print 1 2\n",
    "def f():\n    print 'x'\n", "print f'{x}'\n", "print x for x in y\n", "print await x\n", "print None\n",
    "print x if y\n", "print [1, 2] 3\n",
    "print -1\nfoo bar\n", "print [1]\n1 2\n", "x = print.y\n1 2\n", "print - 1\nif x\n", "1 2\nprint -1\n",
    "print *a\nx y\n", "exec -1\n1 2\n", "print [1] 3\n", "print (1) 3\n", "print . x\n", "print x\n1 2\n",
    "def print(x): pass\nprint 1\n", "print {1:(foo.)}\n", "if 1:\n    exec {1:(foo.)}\n", "print [1, 2 3]\n",
    "print {1:foo}\n", "import print\nprint = 3\nprint, x = 1, 2\n",
]
for source in cases:
    try:
        compile(source, "<case>", "exec")
        print(repr(source), "compiles")
    except SyntaxError as e:
        print(repr(source), e.msg, (e.lineno, e.offset, e.end_lineno, e.end_offset))
