# try/except* compiles to 3.11's CHECK_EG_MATCH / PREP_RERAISE_STAR code (the fidelity check compares it);
# running it needs exception groups, so these functions are only inspected here.
def handle(work, log):
    try:
        work()
    except* ValueError as e:
        log.append(("value", e))
    except* (TypeError, KeyError):
        log.append("type or key")
    else:
        log.append("no error")
    finally:
        log.append("done")

def nested(work):
    for attempt in range(3):
        try:
            work()
        except* OSError as group:
            for exc in group.exceptions:
                if exc.errno:
                    break
    return attempt

for f in (handle, nested):
    code = f.__code__
    print(f.__name__, code.co_names, code.co_varnames, code.co_stacksize)
