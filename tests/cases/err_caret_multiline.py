# An expression spanning lines is marked from its start to the end of its first line.
def build(name, size):
    return {"name": name, "size": size + 1}


shapes = [build("square", 4)]
shapes.append(build("circle",
                    None))
