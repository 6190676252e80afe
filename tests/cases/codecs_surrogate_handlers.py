# The standard error handlers are all registered by name, surrogateescape and surrogatepass included, and work
# when called directly; escaped surrogates decode through unicode_escape and raw_unicode_escape.
import codecs

for name in ['strict', 'ignore', 'replace', 'xmlcharrefreplace', 'backslashreplace', 'namereplace',
             'surrogateescape', 'surrogatepass']:
    print(name, repr(codecs.lookup_error(name)))

h = codecs.lookup_error('surrogateescape')
p = codecs.lookup_error('surrogatepass')
print(h(UnicodeDecodeError('utf-8', b'a\xff\xfeb', 1, 3, 'x')))
print(h(UnicodeDecodeError('utf-8', b'\xff\xfe\xfd\xfc\xfb\xfa', 0, 6, 'x')))
print(h(UnicodeDecodeError('utf-8', b'\xffA\xfe', 0, 3, 'x')))
print(h(UnicodeEncodeError('ascii', 'a\udcff\udc80b', 1, 3, 'x')))
for enc in ['utf-8', 'utf8', 'UTF_8', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be']:
    print(enc, p(UnicodeEncodeError(enc, 'a\ud800\udc80b', 1, 3, 'x')))
print(p(UnicodeDecodeError('utf-8', b'a\xed\xa0\x80b', 1, 2, 'x')))
print(p(UnicodeDecodeError('utf-16-be', b'a\xd8\x00b', 1, 2, 'x')))
print(p(UnicodeDecodeError('utf-16-le', b'a\x00\xdcb', 1, 2, 'x')))
print(p(UnicodeDecodeError('utf-32-le', b'a\x00\xdc\x00\x00b', 1, 2, 'x')))
for exc in [UnicodeDecodeError('utf-8', b'a\x41b', 1, 2, 'x'), UnicodeEncodeError('ascii', 'ab', 1, 2, 'x'),
            UnicodeEncodeError('latin-1', 'a\ud800', 1, 2, 'x'), UnicodeEncodeError('ascii', 'a\ud800', 1, 2, 'x'),
            UnicodeDecodeError('utf-8', b'a\xc3\xa9', 1, 2, 'x'), ValueError()]:
    for handler in (h, p):
        try:
            print(handler(exc))
        except Exception as e:
            print(type(e).__name__, e)

# Through the codecs themselves.
print(b'a\xffb'.decode('utf-8', 'surrogateescape').encode('utf-8', 'surrogateescape'))
print('\ud800'.encode('utf-8', 'surrogatepass'), b'\xed\xa0\x80'.decode('utf-8', 'surrogatepass') == '\ud800')

# A handler registered under a new name that delegates to a builtin one.
codecs.register_error('myescape', lambda e: codecs.lookup_error('surrogateescape')(e))
print(ascii(b'x\x80\x81'.decode('ascii', 'myescape')))

print(ascii(codecs.decode(b'\\ud800', 'unicode_escape')))
print(ascii(codecs.decode(b'\\U0000dc80x\\udfff', 'unicode_escape')))
print(ascii(codecs.decode(b'\\ud83d\\ude00', 'unicode_escape')), len(codecs.decode(b'\\ud83d\\ude00', 'unicode_escape')))
print(ascii(codecs.decode(b'\\ud800', 'raw_unicode_escape')))
print(ascii(b'\\udbff'.decode('unicode_escape')))
for bad in [b'\\ud80', b'\\U00110000']:
    try:
        codecs.decode(bad, 'unicode_escape')
    except UnicodeDecodeError as e:
        print('UnicodeDecodeError', e)
