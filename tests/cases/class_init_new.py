class Counted:
    created = 0

    def __new__(cls, *args):
        Counted.created += 1
        inst = super().__new__(cls)
        inst.order = Counted.created
        return inst

    def __init__(self, label):
        self.label = label


a = Counted("a")
b = Counted("b")
print(a.order, a.label, b.order, b.label, Counted.created)


class Singleton:
    _inst = None

    def __new__(cls):
        if cls._inst is None:
            cls._inst = object.__new__(cls)
        return cls._inst


print(Singleton() is Singleton())


class Other:
    pass


class ReturnsOther:
    def __new__(cls):
        return Other()

    def __init__(self):
        print("not called")


print(type(ReturnsOther()).__name__)


class NoArgs:
    pass


try:
    NoArgs(1)
except TypeError as e:
    print("TypeError:", e)


class InitOnly:
    def __init__(self):
        pass


try:
    InitOnly(1, 2)
except TypeError as e:
    print("TypeError:", e)


class BadInit:
    def __init__(self):
        return 5


try:
    BadInit()
except TypeError as e:
    print("TypeError:", e)


class SuperArgs:
    def __init__(self, x):
        super().__init__(x)


try:
    SuperArgs(1)
except TypeError as e:
    print("TypeError:", e)


class NewArgs:
    def __new__(cls, x):
        return super().__new__(cls, x)


try:
    NewArgs(1)
except TypeError as e:
    print("TypeError:", e)

try:
    object(1)
except TypeError as e:
    print("TypeError:", e)


class KwInit:
    def __init__(self, *, a, b=2):
        self.a, self.b = a, b


k = KwInit(a=1)
print(k.a, k.b)
try:
    KwInit()
except TypeError as e:
    print("TypeError:", e)
