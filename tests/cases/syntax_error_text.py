# SyntaxError.text as CPython 3.11 fills it. Compiler errors (symtable, codegen, __future__) read line `lineno` of
# the file the error names (PyErr_ProgramTextObject) and have None when there is none ("<string>", a missing
# file); parser errors of exec input read that file too and otherwise show the tokenizer's buffer, which holds
# every line a multi-line string or a backslash continuation joined; tokenizer errors keep their own text.
# A real file name here is this case's own file, so its lines are known.
import ast
import os

here = "syntax_error_text.py"  # this case's own file, in the directory it runs in (the .py, also when run from a pyc)
sources = [
    'x = 1 $\n', 'def f(a, a): pass\n', 'return 1\n', 'x $ 1', 'nonlocal x\n', 'def f():\n    x = 1\n    global x\n',
    'a = 1\nb = 2\nbreak\n', 'f(**a, *b)\n', 'f(x, **a, *b)\n', 'x = 1\ny = 2\nz = 3 4\n', 'f(a=1, a=2)\n',
    "'\\N{foo}'\n", 'x = yield = 1\n', 'await x\n', 'from __future__ import braces\n',
    'from __future__ import nope\n', 'x = 1\nfrom __future__ import division\n', 'def f():\n  from os import *\n',
    'del f()\n', 'def f(x):\n  global x\n', 'if 1:\n  pass\n    x = 1\n', "x = '''abc\n", '1_000_a\n',
    'x = """a\nb""" $', 'x = """a\nb"""\ny $', 'x = (1,\n2 $)', 'x = """a\nb\nc""" 1', 'x = 1 + \\\n 2 $',
    '(1 + \\\n 2 $)', 'a = 1\nb = """x\ny""" + \\\n """z\nw""" $ 1\n', 'x = 1 +\\\n$', '\\\n\\\nx $',
    'x = """a\nb""" $ """c\nd"""', "f'''{\t\x0c\r\n!a}'''", 'x = 1 # \\\ny $',
]
for source in sources:
    for filename in ('<string>', here, 'no such file.py'):
        for how in ('compile', 'exec', 'eval', 'single', 'ast.parse'):
            if how in ('exec', 'eval') and filename != '<string>':
                continue
            try:
                if how == 'compile':
                    compile(source, filename, 'exec')
                elif how == 'single':
                    compile(source, filename, 'single')
                elif how == 'exec':
                    exec(source, {})
                elif how == 'eval':
                    eval(source, {})
                else:
                    ast.parse(source, filename)
                result = 'no error'
            except SyntaxError as e:
                result = (type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text)
            except Exception as e:
                result = type(e).__name__
            print(how, filename, repr(source), result)
