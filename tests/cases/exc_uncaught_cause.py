# raise ... from ...: "The above exception was the direct cause of the following exception:".
def load(key):
    table = {"a": 1}
    try:
        return table[key]
    except KeyError as e:
        raise LookupError(f"no entry {key!r}") from e


print(load("a"))
load("b")
