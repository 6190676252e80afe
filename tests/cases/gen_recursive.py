# Recursive generators: permutations, subsets, flattening, tree walks.
def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i in range(len(items)):
        for rest in permutations(items[:i] + items[i + 1:]):
            yield [items[i]] + rest


print(list(permutations([1, 2, 3])))


def subsets(items):
    if not items:
        yield []
        return
    for s in subsets(items[1:]):
        yield s
        yield [items[0]] + s


print(sorted(subsets("abc")))


def flatten(value):
    if isinstance(value, (list, tuple)):
        for v in value:
            yield from flatten(v)
    else:
        yield value


print(list(flatten([1, [2, (3, [4, []])], 5, [[[6]]]])))
tree = {"v": 1, "kids": [{"v": 2, "kids": [{"v": 4, "kids": []}]}, {"v": 3, "kids": []}]}


def walk(node, depth=0):
    yield depth, node["v"]
    for kid in node["kids"]:
        yield from walk(kid, depth + 1)


for depth, v in walk(tree):
    print("  " * depth + str(v))


def hanoi(n, src, dst, via):
    if n:
        yield from hanoi(n - 1, src, via, dst)
        yield src, dst
        yield from hanoi(n - 1, via, dst, src)


moves = list(hanoi(4, "A", "C", "B"))
print(len(moves), moves[:4])


def deep(n):
    if n == 0:
        yield "bottom"
    else:
        yield from deep(n - 1)


print(list(deep(200)))
