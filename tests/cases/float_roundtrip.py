# repr(float) round-trips: float(repr(x)) == x for many generated values; str/repr agree in 3.x.
count = 0
bad = 0
x = 0.1
for i in range(500):
    x = x * 1.7 + 0.013
    if x > 1e200:
        x = x / 1e250
    r = repr(x)
    if float(r) != x:
        bad = bad + 1
    if str(x) != r:
        bad = bad + 1
    count = count + 1
    if i % 25 == 0:
        print(i, r)
print(count, bad)
y = 1.0
for i in range(60):
    y = y / 7
    print(y, float(repr(y)) == y)
for d in range(1, 20):
    v = 1 / d
    print(d, v, v * d, repr(v * d) == "1.0")
print(0.1 ** 20, 1.1 ** 300, 7e-10 * 3)
