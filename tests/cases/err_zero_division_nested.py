# ZeroDivisionError raised three calls deep: the traceback lists every frame.
def average(values):
    return sum(values) / len(values)
def report(groups):
    for name in groups:
        print(name, average(groups[name]))
def main():
    report({"a": [1, 2, 3], "b": [10], "empty": []})
main()
