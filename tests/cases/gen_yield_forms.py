# yield in expression positions, bare yield, yield inside loops with else, try and with nested calls.
def forms():
    x = yield
    print("x =", x)
    y = (yield x) + 1
    print("y =", y)
    z = [(yield "a"), (yield "b")]
    print("z =", z)
    print("inline", (yield "print me"))
    for i in range(2):
        yield i
    else:
        yield "for-else"
    while False:
        pass
    else:
        yield "while-else"
    return "end"


g = forms()
print(next(g))
print(g.send(41))
print(g.send(1))
print(g.send("A"))
print(g.send("B"))
print(g.send("P"))
print(list(g))


def conditional(flag):
    if flag:
        yield "yes"
    else:
        return "no yield"


print(list(conditional(True)), list(conditional(False)))


def deep_locals(n):
    a = n
    b = [n]
    c = {"k": n}
    yield a, b, c
    a += 1
    b.append(a)
    c["j"] = a
    yield a, b, c


print(list(deep_locals(1)))


def yield_in_try():
    for i in range(4):
        try:
            if i == 2:
                raise ValueError(i)
            yield i
        except ValueError as e:
            yield f"caught {e}"
        finally:
            print("finally", i)


print(list(yield_in_try()))


def lambda_gen():
    return (lambda: (yield 1))()


print(list(lambda_gen()))
gens = [(i for _ in range(2)) for i in range(3)]
print([list(g) for g in gens])
