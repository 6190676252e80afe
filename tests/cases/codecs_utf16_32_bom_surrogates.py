# UTF-16/32 encoders refuse lone surrogates ("surrogates not allowed") unless an error handler takes them, and a
# TextIOWrapper writes an encoding's BOM (utf-8-sig, utf-16, utf-32) once, at the start of the stream only; what
# plistlib's binary format and xml.sax's XMLGenerator rely on.
import codecs, io, plistlib
from xml.sax.saxutils import XMLGenerator

for enc in ['utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-be']:
    try:
        'a\ud800\udc00x'.encode(enc)
    except UnicodeEncodeError as e:
        print(repr(e), e.start, e.end)
for h in ['ignore', 'replace', 'surrogatepass', 'backslashreplace', 'xmlcharrefreplace']:
    print(h, 'a\ud800b'.encode('utf-16-le', h), 'a\udfffb'.encode('utf-32', h))
print('a\U0001f600'.encode('utf-16'), 'x'.encode('utf-32-be'), codecs.utf_16_encode('a\ud800', 'replace'))
for fmt in (plistlib.FMT_XML, plistlib.FMT_BINARY):
    try:
        plistlib.dumps('\ud8ff', fmt=fmt)
    except UnicodeEncodeError as e:
        print(fmt, e.reason)
for enc in ['utf-8-sig', 'utf-16', 'utf-32', 'utf-16-be', 'latin-1']:
    b = io.BytesIO()
    t = io.TextIOWrapper(b, encoding=enc, write_through=True)
    t.write('')
    t.write('ab')
    t.write('c\n')
    t.flush()
    print(enc, b.getvalue())
out = io.BytesIO()
gen = XMLGenerator(out, 'utf-8-sig')
gen.startDocument(); gen.startElement('doc', {'a': '\u20ac'}); gen.characters('\u20ac'); gen.endElement('doc'); gen.endDocument()
print(out.getvalue())
