# object.__str__ is the repr of the object's own type (CPython's object_str), so a class that sets
# `__str__ = object.__str__` prints its own __repr__ even when it derives from int, float or str -- which is how
# IntEnum, StrEnum and Flag members print. str.__str__ stays the string itself.
import enum


class Base(int):
    def __repr__(self):
        return "Base-repr"


class UsesObjectStr(Base):
    __str__ = object.__str__


class FloatObjectStr(float):
    __str__ = object.__str__

    def __repr__(self):
        return "float-repr"


class StrObjectStr(str):
    __str__ = object.__str__

    def __repr__(self):
        return "str-repr"


for value in (UsesObjectStr(3), FloatObjectStr(1.5), StrObjectStr("s")):
    print(type(value).__name__, str(value), f"{value}", format(value), "%s" % (value,), object.__str__(value))

print(object.__str__("s"), str.__str__("s"), str.__str__(StrObjectStr("t")), type(str.__str__(StrObjectStr("t"))))
print(object.__str__(5), object.__str__(2.5), object.__str__([1]), object.__str__(ValueError("v")))


class Color(enum.IntEnum):
    RED = 1
    GREEN = 2


class Shade(enum.StrEnum):
    DARK = "dark"


class Perm(enum.IntFlag):
    R = 4
    W = 2


class Custom(enum.IntEnum):
    ITEM = 3

    def __repr__(self):
        return f"{self._name_}.custom"

    __str__ = object.__str__


class CustomStr(str, enum.Enum):
    ITEM = "x"

    def __repr__(self):
        return f"{self._name_}.custom"

    __str__ = object.__str__


for member in (Color.RED, Shade.DARK, Perm.R | Perm.W, Custom.ITEM, CustomStr.ITEM):
    print(repr(member), str(member), f"{member}", format(member, ""), "%s" % member)
print(str.__str__(Shade.DARK), int.__repr__(Color.GREEN))
