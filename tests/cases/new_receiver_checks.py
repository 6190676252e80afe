# OWNER.__new__(cls, ...) checks its receiver class the same way for builtin and native-module types:
# a positional cls is required (keywords alone do not count), it must be a type, and a subtype of OWNER.
import collections
import functools


class MyInt(int):
    pass


calls = [
    ("int.__new__()", lambda: int.__new__()),
    ("int.__new__(x=1)", lambda: int.__new__(x=1)),
    ("tuple.__new__(x=1, y=2)", lambda: tuple.__new__(x=1, y=2)),
    ("int.__new__(5)", lambda: int.__new__(5)),
    ("int.__new__(str)", lambda: int.__new__(str)),
    ("int.__new__(MyInt, 7)", lambda: int.__new__(MyInt, 7)),
    ("deque.__new__()", lambda: collections.deque.__new__()),
    ("deque.__new__(x=1)", lambda: collections.deque.__new__(x=1)),
    ("deque.__new__(3)", lambda: collections.deque.__new__(3)),
    ("deque.__new__(list)", lambda: collections.deque.__new__(list)),
    ("partial.__new__(x=1)", lambda: functools.partial.__new__(x=1)),
]
for label, call in calls:
    try:
        result = call()
        print(label, "->", type(result).__name__, result)
    except TypeError as e:
        print(label, "TypeError:", e)
