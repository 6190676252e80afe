# Conditional expressions, including nesting, in comprehensions and as arguments.
for n in range(-2, 4):
    print(n, "pos" if n > 0 else "zero" if n == 0 else "neg")
def sign(x):
    return 1 if x > 0 else (-1 if x < 0 else 0)
print([sign(v) for v in [-5, 0, 5, -0.1, 2 ** 80]])
a = 3
b = 9
print(a if a > b else b, max(a, b) if a else None, (a if a < b else b) * 2)
print(["even" if i % 2 == 0 else "odd" for i in range(5)])
print([i if i % 3 else "fizz" for i in range(1, 10)])
for i in range(1, 16):
    print("FizzBuzz" if i % 15 == 0 else "Fizz" if i % 3 == 0 else "Buzz" if i % 5 == 0 else i)
x = None
print("none" if x is None else "some", "empty" if not [] else "full")
print(1 if True else 1 / 0, 1 / 0 if False else "lazy")
