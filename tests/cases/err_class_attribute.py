class Thing:
    def __init__(self):
        self.colour = "red"


t = Thing()
print(t.colour)
print(t.color)
