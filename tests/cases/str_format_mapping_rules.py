# %-formatting's mapping rule (a subscriptable non-tuple, non-str right operand is the mapping, so unused arguments
# are no error; bytes formatting also excludes buffers), str.format_map with any mapping (__missing__, __getitem__),
# the fill character checks of center/ljust/rjust.
import collections

def t(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '->', type(e).__name__, e)

t('% bytes', lambda: 'hello' % b'x')
t('% bytearray', lambda: 'hello' % bytearray(b'x'))
t('% memoryview', lambda: 'hello' % memoryview(b'x'))
t('% list', lambda: 'hello' % [1])
t('% range', lambda: 'hello' % range(3))
t('% dict', lambda: 'hello' % {'a': 1})
t('% int', lambda: 'hello' % 5)
t('% tuple', lambda: 'hello' % (5,))
t('% empty tuple', lambda: 'hello' % ())
t('% str', lambda: 'hello' % 'x')
t('% userdict', lambda: 'hello' % collections.UserDict())
t('%s bytes', lambda: '%s' % b'x')
t('%(a)s list', lambda: '%(a)s' % [1])
t('%(0)s bytes', lambda: '%s %(x)s' % b'x')
t('%s%s list', lambda: '%s %s' % [1])
t('b% bytes', lambda: b'hello' % b'x')
t('b% str', lambda: b'hello' % 'x')
t('b% list', lambda: b'hello' % [1])
t('b% int', lambda: b'hello' % 5)
t('b% bytearray', lambda: b'hello' % bytearray(b'x'))
t('b% memoryview', lambda: b'hello' % memoryview(b'x'))
t('b% dict', lambda: b'%(a)s' % {b'a': b'1'})
t('ba% list', lambda: bytearray(b'hello') % [1])
t('ba% bytes', lambda: bytearray(b'hello') % b'x')

class D(dict):
    def __missing__(self, key):
        return 'M:' + key

class G:
    def __getitem__(self, key):
        return key * 2

class Strict(dict):
    def __getitem__(self, key):
        raise LookupError('no ' + key)

t('format_map missing', lambda: '{x} {y[0]}'.format_map(D(y='ab')))
t('format_map userdict', lambda: '{x}'.format_map(collections.UserDict(x=1)))
t('format_map getitem', lambda: '{x}{yy}{z.__class__.__name__}'.format_map(G()))
t('format_map nested spec', lambda: '{x:>{w}}|'.format_map(D(x='a', w=4)))
t('format_map no mapping', lambda: '{x}'.format_map(5))
t('format_map no fields', lambda: 'plain'.format_map(5))
t('format_map list', lambda: '{0}'.format_map([7]))
t('format_map auto', lambda: '{}'.format_map({}))
t('format_map dict subclass getitem', lambda: '{a}'.format_map(Strict(a=1)))
t('format_map plain dict', lambda: '{a}'.format_map({'b': 1}))
t('format_map no args', lambda: 'a'.format_map())
t('format_map kwargs', lambda: 'a'.format_map(x=1))
t('format kwargs missing', lambda: '{x}'.format(**D()))

t('center int fill', lambda: 'a'.center(5, 1))
t('ljust bytes fill', lambda: 'a'.ljust(5, b'x'))
t('rjust fill 2', lambda: 'a'.rjust(5, 'ab'))
t('center fill 0', lambda: 'a'.center(5, ''))
t('center ok', lambda: 'a'.center(5, '*'))
t('bytes center int', lambda: b'a'.center(5, 1))
