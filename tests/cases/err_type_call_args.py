# TypeError for calling a function with a missing argument.
def area(w, h):
    return w * h
print(area(2, 3))
def run():
    return area(4)
run()
