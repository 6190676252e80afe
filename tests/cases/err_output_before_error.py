# A lot of stdout before an error: stdout must be complete and flushed before the traceback.
for i in range(200):
    print("line", i, i * i)
print([1, 2, 3][10])
