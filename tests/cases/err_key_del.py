# KeyError from del of a missing key and dict.pop without default.
d = {"a": 1}
print(d.pop("a"))
del d["b"]
