# Integer arithmetic in tight while/for loops: an LCG, Collatz step counts, digit sums.
def collatz_steps(limit):
    total = 0
    for start in range(1, limit):
        n = start
        while n != 1:
            if n % 2 == 0:
                n = n // 2
            else:
                n = 3 * n + 1
            total += 1
    return total
seed = 42
acc = 0
for i in range(1500000):
    seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
    acc ^= seed >> 7
    acc = (acc + i) % 1000000007
print("checksum", collatz_steps(60000), acc)
