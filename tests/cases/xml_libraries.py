# What a program does with XML through CPython's Lib on the native pyexpat: ElementTree (fromstring, parse,
# iterparse, XMLPullParser, namespaces, ParseError positions, tostring, indent), minidom (parseString, DOM
# walking, toprettyxml), sax (ContentHandler, errors, namespaces), and plistlib (XML and binary round trips).
import io
import plistlib
import xml.dom.minidom
import xml.etree.ElementTree as ET
import xml.sax

def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)

src = '''<?xml version="1.0"?>
<library xmlns:dc="http://purl.org/dc/elements/1.1/">
  <book id="b1" year="1999"><dc:title>Dune &amp; more</dc:title><price>9.50</price></book>
  <book id="b2"><dc:title>Émile</dc:title><price>12</price><!-- note --></book>
</library>'''
root = ET.fromstring(src)
print(root.tag, len(root), [b.get("id") for b in root.iter("book")])
ns = {"dc": "http://purl.org/dc/elements/1.1/"}
print([e.text for e in root.findall("book/dc:title", ns)], root.find("book/price").text)
print(sum(float(p.text) for p in root.iter("price")))
tree = ET.ElementTree(ET.fromstring("<r><a x='1'>t<b/>tail</a></r>"))
ET.indent(tree)
print(ET.tostring(tree.getroot(), encoding="unicode"))
print(ET.tostring(root.find("book"), encoding="utf-8")[:60])
for ev, el in ET.iterparse(io.BytesIO(src.encode()), events=("start", "end", "start-ns", "end-ns", "comment")):
    tag = getattr(el, "tag", el)
    print(ev, el if ev in ("start-ns", "end-ns") else getattr(tag, "__name__", tag))
pull = ET.XMLPullParser(events=("start", "end"))
for piece in ["<a>", "<b>text", "</b><c/>", "</a>"]:
    pull.feed(piece)
    print([(ev, el.tag) for ev, el in pull.read_events()])
pull.close()
for bad in ["<a>", "<a></b>", "", "<a>&bogus;</a>", "<a/><b/>", "\ufeff<a>\x01</a>"]:
    try:
        ET.fromstring(bad)
    except ET.ParseError as e:
        print(repr(bad), e, e.code, e.position)
parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True, insert_pis=True))
parser.feed("<?xml version='1.0'?><r><!--c--><?pi data?>x</r>")
r = parser.close()
print([(getattr(c.tag, "__name__", c.tag), c.text) for c in r], parser.version)

doc = xml.dom.minidom.parseString(src)
print(doc.documentElement.tagName, [n.getAttribute("id") for n in doc.getElementsByTagName("book")])
print(doc.getElementsByTagName("dc:title")[1].firstChild.data)
print(doc.toprettyxml(indent=" ")[:200])
t(lambda: xml.dom.minidom.parseString("<a><b></a>"))

class Handler(xml.sax.ContentHandler):
    def startElementNS(self, name, qname, attrs):
        print("start", name, qname, dict(attrs))
    def endElementNS(self, name, qname):
        print("end", name)
    def characters(self, content):
        if content.strip(): print("chars", repr(content))
sax_parser = xml.sax.make_parser()
sax_parser.setFeature(xml.sax.handler.feature_namespaces, True)
sax_parser.setContentHandler(Handler())
sax_parser.parse(io.BytesIO(src.encode()))
class Plain(xml.sax.ContentHandler):
    def startElement(self, name, attrs): print("plain", name, attrs.getNames())
try:
    xml.sax.parseString(b"<a x='1'><b></a>", Plain())
except xml.sax.SAXParseException as e:
    print("SAXParseException", e.getMessage(), e.getLineNumber(), e.getColumnNumber())

value = {"name": "x", "n": [1, 2.5, True, b"\x00\x01"], "nested": {"k": None if False else "v"}}
for fmt in (plistlib.FMT_XML, plistlib.FMT_BINARY):
    data = plistlib.dumps(value, fmt=fmt)
    print(fmt, len(data), plistlib.loads(data) == value)
print(plistlib.dumps({"a": 1}).decode())
t(lambda: plistlib.loads(b"<plist><dict><key>a</key></dict>"))
