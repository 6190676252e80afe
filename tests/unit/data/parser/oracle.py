# Prints, for each source file named on the command line, one line: python3.11's ast.dump of it (with positions
# when the first argument is "attrs"), or "ERR|kind|message|lineno|offset" when it does not parse.
import ast
import sys

attrs = sys.argv[1] == "attrs"
mode = sys.argv[2]
for path in sys.argv[3:]:
    with open(path, "rb") as f:
        src = f.read()
    try:
        tree = compile(src, path, mode, ast.PyCF_ONLY_AST)
        print(ast.dump(tree, include_attributes=attrs))
    except SyntaxError as e:
        msg = e.msg.replace("\n", "\\n")
        print(f"ERR|{type(e).__name__}|{msg}|{e.lineno}|{e.offset}")
