# The native pyexpat module (over the system's expat, as CPython's): every handler's arguments, buffer_text and
# buffer_size, ordered/specified attributes, namespaces with and without prefixes, intern, positions, ParseFile,
# ExternalEntityParserCreate, ElementDecl content models, unknown single-byte encodings, ExpatError's fields,
# pyexpat.errors/model and CPython's argument and attribute messages.
import io
import pyexpat
from pyexpat import errors, model

def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)

events = []
def recorder(name):
    return lambda *args: events.append((name,) + args)

doc = b'''<?xml version="1.0" encoding="utf-8" standalone="no"?>
<!DOCTYPE root [
  <!ELEMENT root (item+, other?)>
  <!ELEMENT item (#PCDATA|b)*>
  <!ATTLIST item id CDATA #REQUIRED kind (a|b) "a">
  <!ENTITY ent "entity text">
  <!NOTATION gif SYSTEM "image/gif">
  <!ENTITY pic SYSTEM "pic.gif" NDATA gif>
]>
<root xmlns="http://x/" xmlns:p="http://p/">
  <!-- a comment -->
  <?proc some data?>
  <item id="1">one &amp; &ent; <b>bold</b></item>
  <p:item id="2" p:x="y"><![CDATA[<raw>]]></p:item>
  <other/>
</root>'''

names = ["StartElementHandler", "EndElementHandler", "ProcessingInstructionHandler", "CharacterDataHandler",
         "UnparsedEntityDeclHandler", "NotationDeclHandler", "StartNamespaceDeclHandler", "EndNamespaceDeclHandler",
         "CommentHandler", "StartCdataSectionHandler", "EndCdataSectionHandler", "StartDoctypeDeclHandler",
         "EndDoctypeDeclHandler", "EntityDeclHandler", "XmlDeclHandler", "ElementDeclHandler", "AttlistDeclHandler",
         "SkippedEntityHandler", "NotStandaloneHandler"]
for ns in (None, " "):
    for buffered in (False, True):
        events.clear()
        p = pyexpat.ParserCreate(namespace_separator=ns)
        p.buffer_text = buffered
        for n in names:
            setattr(p, n, recorder(n))
        p.NotStandaloneHandler = lambda: events.append(("NotStandalone",)) or 1
        print(ns, buffered, p.Parse(doc, True), p.CurrentLineNumber, p.CurrentColumnNumber, p.CurrentByteIndex)
        for e in events:
            print(" ", e)

# Attribute shapes, namespace_prefixes, intern.
for ordered in (False, True):
    for specified in (False, True):
        events.clear()
        p = pyexpat.ParserCreate()
        p.ordered_attributes = ordered
        p.specified_attributes = specified
        p.StartElementHandler = recorder("start")
        p.Parse(b'<!DOCTYPE r [<!ATTLIST r d CDATA "dflt">]><r a="1" b="2"/>', True)
        print(ordered, specified, events)
p = pyexpat.ParserCreate(namespace_separator="!")
p.namespace_prefixes = True
events.clear()
p.StartElementHandler = recorder("start")
p.EndElementHandler = recorder("end")
p.Parse('<a:r xmlns:a="urn:a" a:k="v"><a:s/></a:r>', True)
print(p.namespace_prefixes, events)
d = {}
p = pyexpat.ParserCreate(intern=d)
names_seen = []
p.StartElementHandler = lambda name, attrs: names_seen.append(name)
p.Parse("<x><x/><x/></x>", True)
print(sorted(d), names_seen[0] is names_seen[1] is names_seen[2], p.intern is d)
print(pyexpat.ParserCreate(intern=None).intern, pyexpat.ParserCreate().intern)

# DefaultHandler and DefaultHandlerExpand (entities expanded or not), incremental Parse.
for name in ("DefaultHandler", "DefaultHandlerExpand"):
    out = []
    p = pyexpat.ParserCreate()
    setattr(p, name, out.append)
    for piece in [b'<!DOCTYPE d [<!ENTITY e "E">]><d>', b'x&e;', b'y</d>']:
        p.Parse(piece)
    p.Parse(b'', True)
    print(name, out)

# buffer_text and buffer_size.
p = pyexpat.ParserCreate()
chunks = []
p.CharacterDataHandler = chunks.append
p.buffer_text = True
p.buffer_size = 4
print(p.buffer_text, p.buffer_size, p.buffer_used)
p.Parse(b'<a>abcdefghij<b/>kl&amp;mn</a>', True)
print(chunks)
t(lambda: setattr(p, "buffer_size", 0)); t(lambda: setattr(p, "buffer_size", "x"))
t(lambda: setattr(p, "buffer_size", 2**40)); t(lambda: delattr(p, "buffer_text"))

# ParseFile and its reader errors.
p = pyexpat.ParserCreate()
out = []
p.StartElementHandler = lambda n, a: out.append(n)
print(p.ParseFile(io.BytesIO(b'<r>' + b'<e/>' * 2000 + b'</r>')), len(out))
class Reader:
    def __init__(self, result): self.result = result
    def read(self, n): return self.result
t(lambda: pyexpat.ParserCreate().ParseFile(Reader("text")))
t(lambda: pyexpat.ParserCreate().ParseFile(Reader(b"x" * 5000)))
t(lambda: pyexpat.ParserCreate().ParseFile(42))
t(lambda: pyexpat.ParserCreate().ParseFile(io.BytesIO(b"<a><b></a>")))

# Encodings: declared, given, unknown single-byte (Python's codecs), multi-byte refused, unknown names.
for data, enc in [(b'<?xml version="1.0" encoding="iso-8859-1"?><a>\xe9</a>', None),
                  ('<a>é</a>'.encode('utf-16'), None),
                  (b'<?xml version="1.0" encoding="cp1252"?><a>\x80\xe9</a>', None),
                  (b'<?xml version="1.0" encoding="koi8-r"?><a>\xc1</a>', None),
                  (b'<a>\xe9</a>', "iso-8859-15"),
                  (b'<?xml version="1.0" encoding="no-such-codec"?><a/>', None),
                  (b'<?xml version="1.0" encoding="utf-8"?><a>\xff</a>', None)]:
    text = []
    p = pyexpat.ParserCreate(enc)
    p.CharacterDataHandler = text.append
    t(lambda: (p.Parse(data, True), text))

# Errors: ExpatError's message and fields for bad documents.
for bad in [b'', b'<a>', b'<a></b>', b'<a x="1" x="2"/>', b'<a/><b/>', b'<a>&nope;</a>', b'<a>&#0;</a>',
            b'\xff\xfe<', b'<?xml version="2.0" oops?><a/>', b'<a><![CDATA[x</a>', b'<1/>', b'<a/>junk',
            b'<a xmlns:p=""><p:b/></a>']:
    try:
        pyexpat.ParserCreate(namespace_separator=" ").Parse(bad, True)
        print("parsed", bad)
    except pyexpat.ExpatError as e:
        print(bad, "->", e, e.code, e.lineno, e.offset, errors.messages[e.code] == pyexpat.ErrorString(e.code))
p = pyexpat.ParserCreate()
t(lambda: p.Parse(b'<a><b>', True))
print(p.ErrorCode, p.ErrorLineNumber, p.ErrorColumnNumber, p.ErrorByteIndex)
t(lambda: p.Parse(b'<a/>', True))
p = pyexpat.ParserCreate()
p.Parse(b'<a/>', True)
t(lambda: p.Parse(b'<b/>', True))

# ExternalEntityRefHandler and ExternalEntityParserCreate, SetParamEntityParsing, UseForeignDTD.
def external(context, base, system_id, public_id):
    events.append(("external", context, base, system_id, public_id))
    child = parser.ExternalEntityParserCreate(context)
    child.Parse(b'<inner>from ' + system_id.encode() + b'</inner>', True)
    return 1
events.clear()
parser = pyexpat.ParserCreate()
parser.SetParamEntityParsing(pyexpat.XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE)
parser.SetBase("base/")
print(parser.GetBase())
parser.ExternalEntityRefHandler = external
parser.StartElementHandler = recorder("start")
parser.CharacterDataHandler = recorder("chars")
parser.Parse(b'<!DOCTYPE r [<!ENTITY ext SYSTEM "ext.xml">]><r>&ext;</r>', True)
print(events)
parser = pyexpat.ParserCreate()
parser.UseForeignDTD(True)
events.clear()
parser.ExternalEntityRefHandler = lambda *a: events.append(a) or 1
parser.Parse(b'<r/>', True)
print(events)
t(lambda: parser.UseForeignDTD(True))
t(lambda: pyexpat.ParserCreate().GetInputContext())

# Content models and the model constants.
events.clear()
p = pyexpat.ParserCreate()
p.ElementDeclHandler = recorder("element")
p.Parse(b'<!DOCTYPE r [<!ELEMENT r ((a,b)*|c+|EMPTY)?><!ELEMENT e ANY><!ELEMENT m (#PCDATA)>]><r/>', True)
print(events)
print(sorted((k, v) for k, v in vars(model).items() if k.startswith("XML")))
print(len(errors.codes), errors.XML_ERROR_SYNTAX, errors.codes[errors.XML_ERROR_TAG_MISMATCH])

# Module attributes and argument checking.
print(pyexpat.native_encoding, type(pyexpat.version_info), pyexpat.EXPAT_VERSION.startswith("expat_"))
print(pyexpat.error is pyexpat.ExpatError, pyexpat.ExpatError.__module__, pyexpat.XMLParserType)
print(pyexpat.ErrorString(3), pyexpat.ErrorString(999))
t(lambda: pyexpat.ParserCreate(namespace_separator="ab"))
t(lambda: pyexpat.ParserCreate(intern=[]))
t(lambda: pyexpat.ParserCreate(encoding=1))
t(lambda: pyexpat.XMLParserType())
p = pyexpat.ParserCreate()
t(lambda: setattr(p, "CurrentLineNumber", 3))
t(lambda: delattr(p, "StartElementHandler"))
try:
    p.nonexistent = 1
except AttributeError:
    print("AttributeError")  # minipy names the type 'xmlparser' here, CPython 'pyexpat.xmlparser'
print(p.StartElementHandler, p.ordered_attributes, p.buffer_text, p.ErrorCode, p.CurrentByteIndex)
p.StartElementHandler = print
print(p.StartElementHandler is print)
p.StartElementHandler = None
print(p.StartElementHandler)
