# f-strings: expressions, !r/!s conversions, format specs, literal braces, prefixes.
name = "World"
n = 42
pi = 3.14159265
items = [1, 2, 3]
print(f"Hello, {name}!")
print(f"{n} {n + 1} {n * 2} {-n} {n // 5} {n % 5}")
print(f"{name!r} {name!s} {items!r} {items}")
print(f"{pi:.2f} {pi:10.4f} {pi:<10.1f}| {pi:e} {n:5d} {n:05d} {n:x} {n:#b} {n:,}")
print(f"{name:>10}|{name:<10}|{name:^10}|{name:*^11}")
print(f"{{literal}} {{{n}}}")
print(f"{items[0]} {items[-1]} {len(items)} {items[1:]}")
d = {"k": "v", "n": 5}
print(f"{d['k']} {d['n'] * 2}")
print(f"{'nested quotes'} {n if n > 40 else 0} {'yes' if n else 'no'}")
print(F"upper prefix {n}", rf"raw \n {n}", fR"{n}\t")
print(f"{1.5:g} {1e16:g} {0.00001:g} {123.456:.1f} {0.125:.2%}")
print(f"{True} {None} {3 > 2} {[x * x for x in range(4)]}")
x = 10
y = 3
print(f"{x}/{y} = {x / y:.3f}, {x}//{y} = {x // y}, {x}%{y} = {x % y}")
print(f"{'abc':.2} {str(12345)[::-1]} {name.upper()} {name.lower()!r}")
print(f"multi" f"part {n}" "plain" f"{n}")
for i in range(1, 6):
    print(f"{i:>3} {i * i:>4} {i ** 3:>5} {1 / i:8.4f}")
print(f"{-0.0} {float('inf')} {2 ** 64}")
