# An exception thrown into a generator and not handled: the traceback includes the paused yield.
def worker():
    total = 0
    while True:
        value = yield total
        total += value


w = worker()
next(w)
print(w.send(5))
w.throw(ValueError("stop working"))
