# for loops over generators (resumed inline by FOR_ITER): break/continue, exceptions, PEP 479, sharing one
# generator between loops and next(), returns ending the loop, and a loop body long enough for EXTENDED_ARG.
def count(n):
    for i in range(n):
        yield i
    return "ignored by for"


for v in count(5):
    if v == 1:
        continue
    if v == 3:
        break
    print("v", v)
g = count(6)
for v in g:
    if v == 2:
        break
print("after break", next(g), list(g))
shared = count(6)
for a in shared:
    for b in shared:
        print("pair", a, b)
        if b >= a + 2:
            break


def failing():
    yield 1
    raise ValueError("mid-loop")


try:
    for v in failing():
        print("got", v)
except ValueError as e:
    print("caught", e)


def leaks_stop():
    yield 1
    next(iter([]))


try:
    for v in leaks_stop():
        print("got", v)
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)


def running_check():
    yield me.gi_running


me = running_check()
for r in me:
    print("running inside", r, "outside", me.gi_running)


def chain_loops():
    for x in count(3):
        for y in count(x):
            yield x * 10 + y


print(list(chain_loops()))
for v in (i * i for i in range(4)):
    try:
        if v == 4:
            raise KeyError(v)
    except KeyError as e:
        print("handled in body", e)
acc = []
for v in count(2):
    acc.append(v + 0)
    acc.append(v + 1)
    acc.append(v + 2)
    acc.append(v + 3)
    acc.append(v + 4)
    acc.append(v + 5)
    acc.append(v + 6)
    acc.append(v + 7)
    acc.append(v + 8)
    acc.append(v + 9)
    acc.append(v + 10)
    acc.append(v + 11)
    acc.append(v + 12)
    acc.append(v + 13)
    acc.append(v + 14)
    acc.append(v + 15)
    acc.append(v + 16)
    acc.append(v + 17)
    acc.append(v + 18)
    acc.append(v + 19)
    acc.append(v + 20)
    acc.append(v + 21)
    acc.append(v + 22)
    acc.append(v + 23)
    acc.append(v + 24)
    acc.append(v + 25)
    acc.append(v + 26)
    acc.append(v + 27)
    acc.append(v + 28)
    acc.append(v + 29)
    acc.append(v + 30)
    acc.append(v + 31)
    acc.append(v + 32)
    acc.append(v + 33)
    acc.append(v + 34)
    acc.append(v + 35)
    acc.append(v + 36)
    acc.append(v + 37)
    acc.append(v + 38)
    acc.append(v + 39)
    acc.append(v + 40)
    acc.append(v + 41)
    acc.append(v + 42)
    acc.append(v + 43)
    acc.append(v + 44)
    acc.append(v + 45)
    acc.append(v + 46)
    acc.append(v + 47)
    acc.append(v + 48)
    acc.append(v + 49)
    acc.append(v + 50)
    acc.append(v + 51)
    acc.append(v + 52)
    acc.append(v + 53)
    acc.append(v + 54)
    acc.append(v + 55)
    acc.append(v + 56)
    acc.append(v + 57)
    acc.append(v + 58)
    acc.append(v + 59)
    acc.append(v + 60)
    acc.append(v + 61)
    acc.append(v + 62)
    acc.append(v + 63)
    acc.append(v + 64)
    acc.append(v + 65)
    acc.append(v + 66)
    acc.append(v + 67)
    acc.append(v + 68)
    acc.append(v + 69)
    acc.append(v + 70)
    acc.append(v + 71)
    acc.append(v + 72)
    acc.append(v + 73)
    acc.append(v + 74)
    acc.append(v + 75)
    acc.append(v + 76)
    acc.append(v + 77)
    acc.append(v + 78)
    acc.append(v + 79)
    acc.append(v + 80)
    acc.append(v + 81)
    acc.append(v + 82)
    acc.append(v + 83)
    acc.append(v + 84)
    acc.append(v + 85)
    acc.append(v + 86)
    acc.append(v + 87)
    acc.append(v + 88)
    acc.append(v + 89)
    acc.append(v + 90)
    acc.append(v + 91)
    acc.append(v + 92)
    acc.append(v + 93)
    acc.append(v + 94)
    acc.append(v + 95)
    acc.append(v + 96)
    acc.append(v + 97)
    acc.append(v + 98)
    acc.append(v + 99)
    acc.append(v + 100)
    acc.append(v + 101)
    acc.append(v + 102)
    acc.append(v + 103)
    acc.append(v + 104)
    acc.append(v + 105)
    acc.append(v + 106)
    acc.append(v + 107)
    acc.append(v + 108)
    acc.append(v + 109)
    acc.append(v + 110)
    acc.append(v + 111)
    acc.append(v + 112)
    acc.append(v + 113)
    acc.append(v + 114)
    acc.append(v + 115)
    acc.append(v + 116)
    acc.append(v + 117)
    acc.append(v + 118)
    acc.append(v + 119)
    acc.append(v + 120)
    acc.append(v + 121)
    acc.append(v + 122)
    acc.append(v + 123)
    acc.append(v + 124)
    acc.append(v + 125)
    acc.append(v + 126)
    acc.append(v + 127)
    acc.append(v + 128)
    acc.append(v + 129)
    acc.append(v + 130)
    acc.append(v + 131)
    acc.append(v + 132)
    acc.append(v + 133)
    acc.append(v + 134)
    acc.append(v + 135)
    acc.append(v + 136)
    acc.append(v + 137)
    acc.append(v + 138)
    acc.append(v + 139)
    acc.append(v + 140)
    acc.append(v + 141)
    acc.append(v + 142)
    acc.append(v + 143)
    acc.append(v + 144)
    acc.append(v + 145)
    acc.append(v + 146)
    acc.append(v + 147)
    acc.append(v + 148)
    acc.append(v + 149)
print(len(acc), acc[:3], acc[-1])


def handler_gen():
    try:
        raise ValueError("inside")
    except ValueError:
        for i in range(2):
            yield i


import sys
for v in handler_gen():
    print(v, sys.exc_info()[0])
print(sys.exc_info()[0])
