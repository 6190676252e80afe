class Temp:
    def __init__(self, c):
        self._c = c

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v

    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = 0

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32


t = Temp(100)
print(t.celsius, t.fahrenheit)
t.celsius = 0
print(t.celsius, t.fahrenheit)
del t.celsius
print(t.celsius)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print("AttributeError:", e)
print(type(Temp.celsius).__name__)


class Counter:
    count = 0

    def __init__(self):
        Counter.count += 1

    @classmethod
    def how_many(cls):
        return f"{cls.__name__}: {cls.count}"

    @classmethod
    def create(cls):
        return cls()

    @staticmethod
    def add(a, b):
        return a + b


class SubCounter(Counter):
    pass


Counter()
s = SubCounter.create()
print(Counter.how_many(), SubCounter.how_many(), type(s).__name__)
print(Counter.add(1, 2), s.add(3, 4))
print(type(Counter.__dict__["add"]).__name__, type(Counter.__dict__["how_many"]).__name__)
