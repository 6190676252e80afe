# dir() in code exec() runs with a mapping for locals lists the mapping's keys() (CPython's PyMapping_Keys), and
# code objects compare their nested code objects as code objects (test_compile's
# test_exec_with_general_mapping_for_locals and test_compile_ast).
import ast


class M:
    def __getitem__(self, key):
        if key == "a":
            return 12
        raise KeyError

    def __setitem__(self, key, value):
        self.results = (key, value)

    def keys(self):
        return list("zyx")


m = M()
exec("z = dir()", globals(), m)
print(m.results)
exec("z = a", globals(), m)
print(m.results)

source = "def foo():\n    def inner(): return 1\n    return inner\nfoo()\n"
first = compile(source, "one", "exec")
second = compile(ast.parse(source), "two", "exec")
print(first == second, first.co_consts[0] == second.co_consts[0], hash(first) == hash(second))
print(compile("def f(): return 1", "a", "exec") == compile("def f(): return 2", "a", "exec"))
print(compile("def f(): return 1", "a", "exec") == compile("def g(): return 1", "a", "exec"))
