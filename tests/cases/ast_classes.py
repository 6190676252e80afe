# The _ast module's classes as CPython 3.11 defines them: every public name, each class's bases, _fields,
# _attributes, __match_args__, __doc__ and the None defaults of its optional fields; the constructor's
# positional/keyword behaviour and errors; __reduce__; the PyCF_* flags.
import _ast
import ast

names = sorted(n for n in dir(_ast) if not n.startswith("__"))
print(len(names))
for name in names:
    obj = getattr(_ast, name)
    if not isinstance(obj, type):
        print(name, "=", obj)
        continue
    defaults = sorted(k for k, v in obj.__dict__.items() if v is None and not k.startswith("__"))
    print(name, [b.__name__ for b in obj.__mro__], obj.__module__)
    print("  fields", obj._fields, "attributes", obj._attributes, "match_args", obj.__match_args__)
    print("  doc", repr(obj.__doc__))
    print("  defaults", defaults, "own _attributes", "_attributes" in obj.__dict__)

# The constructor: positional arguments fill _fields in order, keywords set any attribute.
n = ast.Name("x", ast.Load(), lineno=3)
print(n.id, type(n.ctx).__name__, n.lineno, sorted(vars(n)))
print(sorted(vars(ast.BinOp(ast.Constant(1), ast.Add()))))
print(ast.Constant(5).kind, ast.Yield().value, ast.arg("a").annotation)
for make in (lambda: ast.Name("x", ast.Load(), 3), lambda: ast.Expr(1, 2), lambda: ast.Pass(1),
             lambda: ast.AST(1)):
    try:
        make()
    except TypeError as e:
        print("TypeError:", e)
try:
    ast.Name().id
except AttributeError as e:
    print("AttributeError:", e)
print(ast.AST()._fields, ast.AST._attributes, isinstance(ast.Name(), ast.expr), issubclass(ast.Add, ast.AST))

# __reduce__ and copying.
import copy
node = ast.BinOp(ast.Name("a", ast.Load()), ast.Add(), ast.Constant(2))
print(ast.Name("x").__reduce__()[0].__name__, ast.Name("x").__reduce__()[1:], ast.Load().__reduce__())
print(ast.dump(copy.deepcopy(node)))

# Operators and contexts in parsed trees are shared instances.
t1, t2 = ast.parse("a + b"), ast.parse("c + d = 1" if False else "c + d")
print(t1.body[0].value.op is t2.body[0].value.op, t1.body[0].value.left.ctx is t2.body[0].value.right.ctx)
print(ast.Add() is ast.Add())

# A Python subclass of a node class works in the tree functions.
class MyName(ast.Name):
    pass
print(ast.dump(MyName("q", ast.Load())), MyName._fields)

print(_ast.PyCF_ONLY_AST, _ast.PyCF_TYPE_COMMENTS, _ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)

# match on node classes uses __match_args__.
match ast.parse("x = 1").body[0]:
    case ast.Assign([ast.Name(target)], ast.Constant(value)):
        print("matched", target, value)
