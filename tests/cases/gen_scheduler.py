# A round-robin scheduler driving generator "tasks" with send() and a message queue.
def task(name, steps):
    received = []
    for i in range(steps):
        msg = yield f"{name} step {i}"
        if msg is not None:
            received.append(msg)
    return f"{name} done after {steps} steps, got {received}"


def run(tasks):
    queue = list(tasks)
    tick = 0
    results = []
    while queue:
        t = queue.pop(0)
        try:
            out = t.send(None if tick % 2 else tick)
            print(out)
            queue.append(t)
        except StopIteration as e:
            results.append(e.value)
        tick += 1
    return results


tasks = [task("a", 2), task("b", 3), task("c", 1)]
for t in tasks:
    next(t)
for r in run(tasks):
    print(r)


def consumer():
    seen = []
    try:
        while True:
            item = yield
            seen.append(item)
    except GeneratorExit:
        print("consumer closing with", seen)


def producer(target, items):
    next(target)
    for i in items:
        target.send(i)
    target.close()


producer(consumer(), ["x", "y", 3])
