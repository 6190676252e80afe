# ValueError: list.remove(x): x not in list.
items = [1, 2, 3]
items.remove(2)
print(items)
items.remove(5)
