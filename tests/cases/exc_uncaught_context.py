# An uncaught exception raised while handling another: both tracebacks, CPython's separator line.
def parse(text):
    try:
        return int(text)
    except ValueError:
        return {}[text]


print(parse("12"))
parse("twelve")
