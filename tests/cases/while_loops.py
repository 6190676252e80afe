# while loops with else, break, continue, nested loops.
i = 0
while i < 5:
    print("i =", i)
    i += 1
else:
    print("while-else ran, i =", i)
i = 0
while True:
    i += 1
    if i == 3:
        continue
    if i > 6:
        break
    print("loop", i)
else:
    print("never printed")
print("after break", i)
n = 27
steps = 0
while n != 1:
    if n % 2 == 0:
        n = n // 2
    else:
        n = 3 * n + 1
    steps += 1
print("collatz steps", steps)
outer = 0
while outer < 3:
    inner = 0
    while inner < 3:
        if inner == outer:
            inner += 1
            continue
        print(outer, inner)
        inner += 1
    outer += 1
found = False
k = 2
while k < 50:
    j = 2
    while j * j <= k:
        if k % j == 0:
            break
        j += 1
    else:
        print(k, end=" ")
    k += 1
print()
x = 10
while x:
    x -= 3 if x > 3 else x
print("x", x)
while False:
    print("unreachable")
else:
    print("else of a loop that never ran")
