# A self-contained script (no imports) for showing that python3.11 runs minipy's pyc files directly.
def greet(name, punctuation="!"):
    return "Hello, " + name + punctuation


for who in ["minipy", "CPython"]:
    print(greet(who))
print(sum([i * i for i in range(10)]), 2 ** 100, round(2.5), f"{3.14159:.2f}")
