# assert statements that hold do nothing (and do not evaluate the message).
def boom():
    print("message evaluated!")
    return "msg"
assert True
assert 1 == 1, boom()
assert [1], "non-empty list"
x = 5
assert 0 < x < 10, "x out of range"
assert isinstance(x, int)
for i in range(5):
    assert i * i >= 0, ("negative square", i)
def checked_sqrt(n):
    assert n >= 0, "negative input"
    r = 0
    while (r + 1) * (r + 1) <= n:
        r += 1
    assert r * r <= n < (r + 1) * (r + 1)
    return r
print([checked_sqrt(v) for v in [0, 1, 2, 15, 16, 17, 99, 100]])
print("all assertions passed")
