class A:
    x = 1

    def method(self):
        return "m"


a = A()
for name in ("y", "metod", "__len__"):
    try:
        getattr(a, name)
    except AttributeError as e:
        print("AttributeError:", e)
try:
    A.nope
except AttributeError as e:
    print("AttributeError:", e)
try:
    del a.x
except AttributeError as e:
    print("AttributeError:", e)
try:
    a.method(1)
except TypeError as e:
    print("TypeError:", e)
try:
    A.method()
except TypeError as e:
    print("TypeError:", e)
try:
    class Bad(1):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Conflict(KeyError, list):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    object.__new__(5)
except TypeError as e:
    print("TypeError:", e)
try:
    int.x = 1
except TypeError as e:
    print("TypeError:", e)
try:
    setattr(A, "y", 1)
    print(A.y, a.y)
except TypeError as e:
    print("TypeError:", e)
