# Argument checks of sum(), vars(), dir(), globals(), locals(), exec() and eval(), in CPython's order and words.
import collections

def t(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '->', type(e).__name__, e)

class Bytes(bytes): pass
class ByteArray(bytearray): pass
class Str(str): pass

t('sum bytearray start', lambda: sum([bytearray(b'a')], bytearray()))
t('sum bytearray subclass', lambda: sum([], ByteArray()))
t('sum bytes start', lambda: sum([b'a'], b''))
t('sum bytes subclass', lambda: sum([], start=Bytes()))
t('sum str subclass', lambda: sum([], Str()))
t('sum memoryview start', lambda: type(sum([], memoryview(b''))).__name__)
t('sum list start', lambda: sum([[1], [2]], []))
t('sum()', lambda: sum())
t('sum 3 args', lambda: sum(1, 2, 3))
t('sum start twice', lambda: sum([], 1, start=2))
t('sum start kw + other', lambda: sum([], start=1, x=2))
t('sum only start', lambda: sum(start=1))
t('sum bad kw', lambda: sum([1], foo=2))
t('sum start kw', lambda: sum([1, 2], start=10))

t('vars 2 args', lambda: vars(1, 2))
t('vars kw', lambda: vars(x=1))
t('vars no dict', lambda: vars(1))
t('dir 2 args', lambda: dir(1, 2))
t('dir kw', lambda: dir(x=1))
t('globals 1 arg', lambda: globals(1))
t('globals kw', lambda: globals(x=1))
t('locals 1 arg', lambda: locals(1))
t('locals kw', lambda: locals(x=1))

t('exec locals int', lambda: exec('x = 1', {}, 5))
t('exec globals int', lambda: exec('x = 1', 5))
t('exec globals mapping', lambda: exec('1', collections.UserDict()))
t('exec globals None locals int', lambda: exec('1', None, 5))
t('exec locals list', lambda: exec('1', {}, [1]))
t('exec locals mapping', lambda: exec('y = x', {}, collections.UserDict(x=3)))
t('exec globals kw', lambda: exec('1', globals={}))
t('exec closure None', lambda: exec('1', {}, closure=None))
t('exec()', lambda: exec())
t('exec 4 args', lambda: exec('x', {}, {}, 1))
t('exec source kw', lambda: exec(source='1'))
t('exec int', lambda: exec(1))
t('eval locals int', lambda: eval('x', {}, 5))
t('eval globals int', lambda: eval('x', 5))
t('eval globals mapping', lambda: eval('1', collections.UserDict()))
t('eval both bad', lambda: eval('1', 5, 5))
t('eval globals None locals int', lambda: eval('1', None, 5))
t('eval locals mapping', lambda: eval('x', {}, collections.UserDict(x=3)))
t('eval locals list', lambda: eval('1', {}, [1]))
t('eval()', lambda: eval())
t('eval 4 args', lambda: eval('1', {}, {}, 1))
t('eval kw', lambda: eval('1', locals={}))
t('eval int', lambda: eval(1))
