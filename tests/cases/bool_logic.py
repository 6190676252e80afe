# and/or return one of their operands, short-circuit, not, truthiness of every tier-1 type.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "x", "" or [] or 0, [] and 1, "a" and "b" and "c")
print(not 1, not 0, not [], not [0], not "", not "0", not None, not 0.0, not -0.0, not {}, not ())
print(bool(0), bool(1), bool(-1), bool(0.0), bool(0.1), bool(""), bool(" "), bool(None), bool(range(0)), bool(range(1)))
trace = []
def t(x):
    trace.append(x)
    return x
print(t(0) and t(1), trace)
trace.clear()
print(t(1) and t(0) and t(2), trace)
trace.clear()
print(t(0) or t("") or t("z") or t("never"), trace)
trace.clear()
print(not t(0) or t(5), trace)
print(True and False or True, True or False and False, not True or True, not (True or True))
x = 7
if x > 5 and x < 10:
    print("between")
if x < 5 or x == 7:
    print("either")
if not x == 8:
    print("not eight")
if x:
    print("truthy")
if not []:
    print("empty list falsy")
y = x > 3 and "big" or "small"
print(y, (x < 3) and "big" or "small")
count = 0
i = 0
while i < 10 and count < 3:
    if i % 3 == 0 or i == 7:
        count += 1
    i += 1
print(i, count)
print(True + True, True is True, (1 == 1) is True, type(not 1))
