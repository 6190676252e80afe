# CPython's Lib/dis.py on minipy's code objects: every view dis offers, on functions whose disassembly holds no
# object addresses (nested code objects would print `<code object ... at 0x...>`).
import dis
import io


def add(a, b=2, *rest, key=None, **options):
    total = a + b
    for item in rest:
        total += item
    return total


def guarded(values):
    try:
        result = values[0] / values[1]
    except ZeroDivisionError as error:
        result = str(error)
    except (IndexError, KeyError):
        result = None
    finally:
        values.clear()
    return result


def counter():
    count = 0

    def bump():
        nonlocal count
        count += 1
        return count

    return bump


def attributes(obj):
    return obj.real.imag + len(obj.__class__.__name__)


print("== dis.dis(add)")
dis.dis(add)
print("== dis.dis(guarded): exception table")
dis.dis(guarded)
print("== show_caches=True")
dis.dis(attributes, show_caches=True)
print("== closures: cells and frees")
dis.dis(counter().__code__)
print("== dis.code_info")
print(dis.code_info(add))
print("== dis.show_code")
dis.show_code(guarded)
print("== get_instructions")
for ins in dis.get_instructions(add):
    print(ins.opname, ins.opcode, ins.arg, repr(ins.argval), repr(ins.argrepr), ins.offset, ins.starts_line,
          ins.is_jump_target)
print("== positions")
for ins in dis.get_instructions(attributes):
    print(ins.offset, ins.opname, ins.positions)
print("== co_lines and co_positions")
print(list(attributes.__code__.co_lines()))
print(list(guarded.__code__.co_positions())[:6])
print("== Bytecode")
bc = dis.Bytecode(guarded)
buffer = io.StringIO()
dis.dis(guarded, file=buffer)
print(bc.dis() == buffer.getvalue())
print(repr(bc).split(" at ")[0])
print(len(list(bc)), bc.first_line)
print(bc.info() == dis.code_info(guarded))
print("== findlinestarts and findlabels")
print(list(dis.findlinestarts(guarded.__code__)))
print(dis.findlabels(guarded.__code__.co_code))
print("== stack_effect")
for name, arg, jump in [("POP_TOP", None, None), ("BUILD_LIST", 3, None), ("FOR_ITER", 4, True),
                        ("FOR_ITER", 4, False), ("FOR_ITER", 4, None), ("POP_JUMP_FORWARD_IF_TRUE", 2, None)]:
    print(name, dis.stack_effect(dis.opmap[name], arg, jump=jump))
try:
    dis.stack_effect(dis.opmap["BUILD_LIST"])
except ValueError as e:
    print("ValueError:", e)
print("== _varname_from_oparg")
code = add.__code__
print([code._varname_from_oparg(i) for i in range(len(code.co_varnames))])
try:
    code._varname_from_oparg(99)
except IndexError as e:
    print("IndexError:", e)
print("== dis of a source string and of a one-line expression")
dis.dis("x = y + 1")
dis.dis("a[b] += c")
print("== code.replace and equality")
renamed = add.__code__.replace(co_name="plus")
print(renamed.co_name, renamed.co_qualname, renamed.co_code == add.__code__.co_code)
print(renamed == add.__code__, add.__code__ == add.__code__.replace())
print(compile("x + 1", "s", "eval") == compile("x + 1", "s", "eval"))
try:
    add.__code__.replace(co_name=3)
except TypeError as e:
    print("TypeError:", e)
