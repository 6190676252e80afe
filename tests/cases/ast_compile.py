# compile() and the ast module on minipy's parser: PyCF_ONLY_AST, compiling trees built or edited in Python
# (with CPython's conversion and validation errors), NodeVisitor/NodeTransformer, unparse, literal_eval.
import ast
import re


def show(*values):
    # Object reprs carry addresses, which differ from run to run.
    print(*(re.sub(r" at 0x[0-9a-f]+", "", str(v)) for v in values))


def attempt(tree, mode="exec"):
    try:
        compile(tree, "<t>", mode)
        print("ok")
    except Exception as e:
        show(type(e).__name__, e)


def located(node):
    return ast.fix_missing_locations(node)


# Conversion errors, in CPython's words.
attempt(ast.Module(body=[ast.Expr(ast.Name("x", ast.Load()))], type_ignores=[]))
attempt(ast.Module(body=[ast.Expr(ast.Name("x", ast.Load()), lineno=1, col_offset=0)], type_ignores=[]))
attempt(located(ast.Module(body=[ast.Expr(ast.Name("x", ast.Load()))], type_ignores=[])))
attempt(ast.Module(body=[ast.Expr(3, lineno=1, col_offset=0)], type_ignores=[]))
attempt(ast.Module(body=[ast.Expr(lineno=1, col_offset=0)], type_ignores=[]))
attempt(ast.Module(body=[ast.Expr(None, lineno=1, col_offset=0)], type_ignores=[]))
attempt(ast.Module(body=ast.Pass(), type_ignores=[]))
attempt(ast.Module(body=[]))
attempt(ast.Module(body=[], type_ignores=[]), "eval")
attempt(ast.Expression(body=ast.Constant(1, lineno=1, col_offset=0)), "eval")
attempt(ast.Expression(body=ast.Constant(1, lineno=1, col_offset=0)), "exec")
attempt(ast.Interactive(body=[]), "single")
attempt(located(ast.Module([ast.Expr(ast.Name(1, ast.Load()))], [])))
attempt(located(ast.Module([ast.Expr(ast.Name("x", ast.Store()))], [])))
attempt(located(ast.Module([ast.Expr(ast.Name("None", ast.Load()))], [])))
attempt(ast.Module([ast.Expr(ast.Name("x", ast.Load(), lineno="a", col_offset=0), lineno=1, col_offset=0)], []))
attempt(located(ast.Module([ast.Expr(ast.Name("x", ast.Load))], [])))
attempt(located(ast.Module([ast.Expr(ast.Constant([]))], [])))
attempt(located(ast.Module([ast.Expr(ast.BinOp(ast.Constant(1), ast.Load(), ast.Constant(2)))], [])))
attempt(located(ast.Module([ast.Assign([ast.Name("x", ast.Load())], ast.Constant(1))], [])))
attempt(located(ast.Module([ast.Assign([], ast.Constant(1))], [])))
attempt(located(ast.Module([ast.If(ast.Constant(1), [], [])], [])))
attempt(located(ast.Module([ast.Expr(ast.Compare(ast.Constant(1), [ast.Lt()], []))], [])))
attempt(located(ast.Module([ast.Expr(ast.Dict([ast.Constant(1)], []))], [])))
attempt(located(ast.Module([ast.Raise(None, ast.Constant(1))], [])))
attempt(located(ast.Module([ast.Try([ast.Pass()], [], [], [])], [])))
attempt(located(ast.Module([ast.ImportFrom("m", [ast.alias("x")], -1)], [])))
attempt(3)

# A tree edited by a NodeTransformer compiles and runs.
source = """
def f(a, *b, c=3, **d):
    return [x * 2 for x in b if x] + [a, c, len(d)]
class C:
    y: int = 2
print(f(1, 2, 3, k=4), C.y)
"""
tree = ast.parse(source)


class Scale(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.copy_location(ast.Constant(node.value * 10), node)
        return node


exec(compile(ast.fix_missing_locations(Scale().visit(tree)), "scaled.py", "exec"), {})
exec(compile(ast.parse(source), "plain.py", "exec"), {})
print(eval(compile(ast.parse("1 + 2 * 3", mode="eval"), "<e>", "eval")))
print(ast.dump(compile("a[1:2]", "<s>", "eval", ast.PyCF_ONLY_AST)))
print(ast.dump(compile("x = 1", "<s>", "single", ast.PyCF_ONLY_AST)))
print(compile(tree, "<t>", "exec", ast.PyCF_ONLY_AST) is tree)


# A tree built from nothing.
body = [ast.Assign([ast.Name("total", ast.Store())], ast.Constant(0)),
        ast.For(ast.Name("i", ast.Store()), ast.Call(ast.Name("range", ast.Load()), [ast.Constant(5)], []),
                [ast.AugAssign(ast.Name("total", ast.Store()), ast.Add(), ast.Name("i", ast.Load()))], []),
        ast.Expr(ast.Call(ast.Name("print", ast.Load()), [ast.Name("total", ast.Load())], []))]
exec(compile(located(ast.Module(body, [])), "<built>", "exec"))


class Names(ast.NodeVisitor):
    def __init__(self):
        self.seen = []

    def visit_Name(self, node):
        self.seen.append((node.id, type(node.ctx).__name__, node.lineno, node.col_offset))
        self.generic_visit(node)


v = Names()
v.visit(ast.parse(source))
print(v.seen)
print(ast.unparse(ast.parse(source)))
print([type(n).__name__ for n in ast.walk(ast.parse("a = b(c)"))])
print(ast.get_docstring(ast.parse('"""doc"""\nx = 1')))
print(ast.get_source_segment(source, ast.parse(source).body[0].body[0].value))

print(ast.literal_eval("[1, (2, 3), {'a': -4.5}, {7}, b'x', 1+2j, None]"))
for text in ("f(1)", "a + b", "{1: 2"):
    try:
        ast.literal_eval(text)
    except (ValueError, SyntaxError) as e:
        show(type(e).__name__, e)

try:
    ast.parse("x = = 1", "bad.py")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.filename, e.lineno, e.offset)
print(ast.dump(ast.parse("é = 'ü' + x", type_comments=True), include_attributes=True))
