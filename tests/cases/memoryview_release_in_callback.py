# A memoryview released (and its exporter resized) by Python code that an index or item conversion runs: the
# store or read afterwards is CPython's "released" ValueError, never a write into the moved storage.
def attempt(label, thunk):
    try:
        print(label, thunk())
    except Exception as exc:
        print(label, type(exc).__name__, exc)

def scenario(fmt, make_key, make_value, read=False):
    ba = bytearray(b'abcdefgh' * 2)
    # The view cast from is released too: left as garbage it would hold its export until a collection found it.
    base = memoryview(ba)
    m = base.cast(fmt) if fmt != 'B' else base
    def release_and_grow():
        m.release()
        base.release()
        ba.extend(b'z' * 4096)
    class Releasing:
        def __index__(self):
            release_and_grow()
            return 1
        def __float__(self):
            release_and_grow()
            return 1.5
        def __bool__(self):
            release_and_grow()
            return True
    key = make_key(Releasing)
    if read:
        result = m[key]
        if isinstance(result, memoryview):
            result = result.tolist()
    else:
        m[key] = make_value(Releasing)
        result = None
    return result, bytes(ba[:16]), len(ba)

attempt('item value', lambda: scenario('B', lambda R: 0, lambda R: R()))
attempt('item key', lambda: scenario('B', lambda R: R(), lambda R: 65))
attempt('float value', lambda: scenario('d', lambda R: 0, lambda R: R()))
attempt('bool value', lambda: scenario('?', lambda R: 0, lambda R: R()))
attempt('slice start', lambda: scenario('B', lambda R: slice(R(), 3), lambda R: b'xy'))
attempt('slice step', lambda: scenario('B', lambda R: slice(0, 4, R()), lambda R: b'xyzw'))
attempt('read key', lambda: scenario('B', lambda R: R(), None, read=True))
attempt('read float key', lambda: scenario('d', lambda R: R(), None, read=True))
# A slice's sub-view holds its export before the bounds are converted: the exporter cannot resize.
attempt('read slice', lambda: scenario('B', lambda R: slice(R(), 3), None, read=True))
attempt('read slice step', lambda: scenario('d', lambda R: slice(0, 2, R()), None, read=True))

def two_dim(store):
    ba = bytearray(16)
    base = memoryview(ba)
    m = base.cast('B', (4, 4))
    class J:
        def __index__(self):
            m.release()
            base.release()
            ba.extend(b'z' * 4096)
            return 1
    if store:
        m[J(), 1] = 3
    return m[1, J()]
attempt('2-D read', lambda: two_dim(False))
attempt('2-D store', lambda: two_dim(True))

# Without a release, the same conversions store normally.
ba = bytearray(8)
m = memoryview(ba)
class Plain:
    def __index__(self):
        return 2
m[Plain()] = Plain()
m[Plain():4] = b'xy'
print(bytes(ba))
