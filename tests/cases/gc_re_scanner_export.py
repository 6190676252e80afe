# A finditer scanner holds its bytearray subject's buffer export: while it lives the bytearray cannot be resized,
# and once it is gone it can. "Gone" is CPython's del (reference counting); minipy's collector finds the dropped
# scanner when the resize asks for the exports to end, so under a sanitizer build, whose stale stack words may
# keep it one collection longer, this case is checked for memory errors only (the gc_* rule of run_case).
import re

# While finditer scans a bytearray, the bytearray cannot be resized.
ba = bytearray(b"a1a2a3")
it = re.finditer(rb"a(\d)", ba)
print(next(it).group(1))
try:
    ba.extend(b"a4")
except BufferError as e:
    print("BufferError", e)
print([x.group(1) for x in it])
del it
ba[:] = b"a9"
print(re.findall(rb"a(\d)", ba))
