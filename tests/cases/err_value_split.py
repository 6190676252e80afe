# ValueError: empty separator for str.split.
print("a,b".split(","))
print("a,b".split(""))
