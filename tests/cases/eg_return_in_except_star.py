# return, break and continue may not leave an except* block.
def f():
    try:
        raise ValueError(1)
    except* ValueError:
        return 1

print(f())
