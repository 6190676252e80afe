# _opcode.stack_effect over every opcode number and a range of opargs (with and without the jump edge),
# and its error messages.
import _opcode

results = []
for opcode in range(256):
    for oparg in (None, 0, 1, 2, 3, 5, 8, 257):
        row = []
        for jump in (None, True, False):
            try:
                row.append(_opcode.stack_effect(opcode, oparg, jump=jump))
            except ValueError as e:
                row.append(str(e)[:14])
        results.append((opcode, oparg, tuple(row)))
lines = {}
for opcode, oparg, row in results:
    lines.setdefault(opcode, []).append(row)
for opcode in range(256):
    print(opcode, lines[opcode])
for expr in ["_opcode.stack_effect(1000, 0)", "_opcode.stack_effect(300, 1)", "_opcode.stack_effect('a')",
             "_opcode.stack_effect(1, None)", "_opcode.stack_effect(1, jump=3)", "_opcode.stack_effect()",
             "_opcode.stack_effect(100)", "_opcode.stack_effect(1, 5)", "_opcode.get_specialization_stats()"]:
    try:
        print(expr, "->", eval(expr))
    except Exception as e:
        print(expr, "!!", type(e).__name__, e)
