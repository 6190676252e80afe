x = None
while x is None:
    pass
