class Box:
    pass


b = Box()
print(type(b).__name__)
Box(1, 2)
