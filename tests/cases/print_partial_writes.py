# print() writes piece by piece as CPython does (PyFile_WriteObject per object and separator): when str() of an object fails or the encoder refuses a piece, the earlier pieces are written already, and an encoding error's position counts from the start of the failing piece.
import sys
class Bad:
    def __str__(self): raise ValueError("no str")
try:
    print("abc", Bad(), "x")
except ValueError as e:
    print("|", e)
try:
    print("abc", "\ud800", "z")
except UnicodeEncodeError as e:
    print("|", e.start, e.end, e.reason)
try:
    print("\ud800")
except UnicodeEncodeError as e:
    print("|", e.start, e.end)
try:
    print("ok", "fine", sep="\udc80")
except UnicodeEncodeError as e:
    print("|", e.start, e.end)
try:
    print("ok", end="\udc80")
except UnicodeEncodeError as e:
    print("|", e.start, e.end)
print("after")
