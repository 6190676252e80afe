# Recursion: naive Fibonacci (function-call and int-add heavy).
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print("checksum", fib(34))
