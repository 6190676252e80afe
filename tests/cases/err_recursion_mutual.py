# RecursionError through two mutually recursive functions.
def ping(n):
    return pong(n + 1)
def pong(n):
    return ping(n + 1)
print("go")
ping(0)
