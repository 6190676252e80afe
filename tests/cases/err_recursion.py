# RecursionError from unbounded recursion inside a function (traceback collapses repeated lines).
def countdown(n):
    return countdown(n + 1) + 1
def start():
    print("starting")
    return countdown(0)
start()
