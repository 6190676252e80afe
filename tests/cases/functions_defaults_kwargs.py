# def with defaults, keyword arguments at call sites, return values, None return, functions as values.
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct
print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", punct="?"))
print(greet(greeting="Yo", name="Di"))
print(greet("Ed", "Hey", "."))
def area(w, h=None):
    if h is None:
        h = w
    return w * h
print(area(3), area(3, 4), area(h=2, w=5))
def nothing():
    pass
def early(x):
    if x < 0:
        return
    return x * 2
print(nothing(), early(-1), early(4))
def stats(values, scale=1):
    total = 0
    for v in values:
        total += v * scale
    return total, total / len(values), min(values) * scale
print(stats([1, 2, 3]), stats([1, 2, 3], scale=10))
s, mean, lo = stats([4, 8, 15, 16, 23, 42])
print(s, mean, lo)
def apply(f, x):
    return f(x)
def double(x):
    return 2 * x
print(apply(double, 21), apply(str, 5), apply(len, "four"), apply(abs, -3))
fns = [double, str, abs]
print([f(-4) for f in fns])
alias = double
print(alias(8), alias is double)
def default_is_shared(item, acc=[]):
    acc.append(item)
    return acc
print(default_is_shared(1), default_is_shared(2), default_is_shared(3, []))
def many(a, b, c=3, d=4, e=5):
    return [a, b, c, d, e]
print(many(1, 2), many(1, 2, e=50), many(1, 2, 30, e=50, d=40), many(b=20, a=10))
def nested_calls(n):
    return double(double(n)) + early(n)
print(nested_calls(5))
print(type(greet), print is print, greet == greet)
def side(x):
    print("evaluating", x)
    return x
def three(a, b, c):
    return a + b + c
print(three(side(1), side(2), c=side(3)))
