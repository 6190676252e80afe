# _codecs: the registry (register/lookup/encode/decode through a search function), error handlers and the codec
# functions encodings.* call (utf-8, ascii, latin-1, charmap, escapes, UTF-16/32).
import _codecs as c

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

searched = []
def search(name):
    searched.append(name)
    if name == 'my_rot':
        enc = lambda s, errors='strict': (s[::-1].encode('ascii'), len(s))
        dec = lambda b, errors='strict': (b.decode('ascii')[::-1], len(b))
        return (enc, dec, None, None)
    if name == 'broken':
        return 'nope'
    if name == 'bad_result':
        return (lambda s, errors='strict': 'x', None, None, None)
    return None
c.register(search)
show("register not callable", lambda: c.register(1))
show("lookup", lambda: c.lookup('My-Rot')[0]('abc'))
show("searched name", lambda: searched[-1])
show("encode", lambda: c.encode('hello', 'my rot'))
show("decode", lambda: c.decode(b'olleh', 'MY_ROT'))
show("lookup unknown", lambda: c.lookup('no-such-codec-x'))
show("lookup broken", lambda: c.lookup('broken'))
show("bad result", lambda: c.encode('x', 'bad_result'))
show("lookup type", lambda: c.lookup(1))
c.unregister(search)
show("unregistered", lambda: c.lookup('another-one-x'))
show("utf_8_encode", lambda: c.utf_8_encode('h\xe9\u20ac'))
show("utf_8_decode partial", lambda: c.utf_8_decode(b'ab\xc3'))
show("utf_8_decode partial 3", lambda: c.utf_8_decode(b'\xe2\x82'))
show("utf_8_decode final", lambda: c.utf_8_decode(b'ab\xc3', 'strict', True))
show("utf_8_decode replace", lambda: c.utf_8_decode(b'a\xffb', 'replace'))
show("utf_8_encode type", lambda: c.utf_8_encode(1))
show("utf_8_decode type", lambda: c.utf_8_decode('x'))
show("ascii", lambda: (c.ascii_encode('abc'), c.ascii_decode(b'abc')))
show("ascii error", lambda: c.ascii_encode('\xe9'))
show("ascii replace", lambda: c.ascii_encode('a\xe9', 'replace'))
show("latin_1", lambda: (c.latin_1_encode('\xe9'), c.latin_1_decode(b'\xe9\xff')))
show("latin_1 error", lambda: c.latin_1_encode('\u20ac'))
show("escape_decode", lambda: c.escape_decode(b'a\\x41\\n\\t\\101'))
show("escape_decode str", lambda: c.escape_decode('\\x41'))
show("escape_decode bad", lambda: c.escape_decode(b'\\x4'))
show("escape_encode", lambda: c.escape_encode(b'a\n\x00\'\\\x80'))
show("unicode_escape_decode", lambda: c.unicode_escape_decode(b'\\u00e9\\n\\x41\\U0001F600'))
show("unicode_escape_decode bad", lambda: c.unicode_escape_decode(b'\\x4'))
show("unicode_escape_decode trailing", lambda: c.unicode_escape_decode(b'ab\\'))
show("unicode_escape_encode", lambda: c.unicode_escape_encode('\xe9\n\u1234\U0001F600\\a\x7f'))
show("raw_unicode_escape_decode", lambda: c.raw_unicode_escape_decode(b'\\u00e9\\n\xe9'))
show("raw_unicode_escape_encode", lambda: c.raw_unicode_escape_encode('\xe9\n\u1234\\'))
show("charmap_decode", lambda: c.charmap_decode(b'\x00\x01', 'strict', 'ab'))
show("charmap_decode undefined", lambda: c.charmap_decode(b'\x00\x02', 'strict', 'ab'))
show("charmap_decode replace", lambda: c.charmap_decode(b'\x00\x02', 'replace', 'ab'))
show("charmap_decode dict", lambda: c.charmap_decode(b'\x00\x01', 'strict', {0: 'x', 1: 0x263a}))
show("charmap_decode latin", lambda: c.charmap_decode(b'\xe9'))
show("charmap_encode", lambda: c.charmap_encode('ab', 'strict', {97: 1, 98: b'BB'}))
show("charmap_encode undefined", lambda: c.charmap_encode('abc', 'strict', {97: 1, 98: 2}))
show("charmap_encode replace", lambda: c.charmap_encode('abc', 'replace', {97: 1, 98: 2, 63: 0x3f}))
show("charmap_build", lambda: c.charmap_encode('ba', 'strict', c.charmap_build('ab' + '\ufffe' * 254)))
show("utf_16", lambda: (c.utf_16_encode('ab'), c.utf_16_le_encode('ab'), c.utf_16_be_encode('a\U0001F600')))
show("utf_16 decode", lambda: (c.utf_16_decode(b'\xff\xfea\x00'), c.utf_16_decode(b'\xfe\xff\x00a'),
                               c.utf_16_le_decode(b'a\x00b'), c.utf_16_be_decode(b'\xd8\x3d\xde\x00')))
show("utf_16 ex", lambda: c.utf_16_ex_decode(b'\xfe\xff\x00a\x00b'))
show("utf_16 truncated", lambda: c.utf_16_le_decode(b'a\x00b', 'strict', True))
show("utf_32", lambda: (c.utf_32_encode('a'), c.utf_32_be_encode('a'), c.utf_32_decode(b'\xff\xfe\x00\x00a\x00\x00\x00')))
show("utf_32 le", lambda: c.utf_32_le_decode(b'a\x00\x00\x00b\x00'))
show("lookup_error", lambda: c.lookup_error('strict'))
show("lookup_error unknown", lambda: c.lookup_error('nope'))
c.register_error('mine', lambda e: ('!', e.end))
show("register_error", lambda: c.lookup_error('mine')(ValueError()) if False else c.lookup_error('mine') is not None)
show("register_error bad", lambda: c.register_error('x', 1))
show("readbuffer_encode", lambda: (c.readbuffer_encode(b'ab'), c.readbuffer_encode('h\xe9')))
