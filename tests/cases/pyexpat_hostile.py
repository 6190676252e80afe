# pyexpat never crashes on hostile input: handlers that raise (the exception surfaces, every handler is
# cleared), return the wrong type, mutate the parser (handlers replaced, buffering switched off, buffer_size
# shrunk); truncated, binary and deeply nested documents; the entity-expansion limits.
import pyexpat

def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)

# A handler that raises: the exception comes out of Parse and every handler is gone afterwards.
p = pyexpat.ParserCreate()
seen = []
def start(name, attrs):
    seen.append(name)
    if name == "b": raise KeyError(name)
p.StartElementHandler = start
p.EndElementHandler = lambda name: seen.append("/" + name)
t(lambda: p.Parse(b"<a><b><c/></b></a>", True))
print(seen, p.StartElementHandler, p.EndElementHandler)
t(lambda: p.Parse(b"<d/>", True))

# Exceptions from other handlers, from buffered character data, from the unknown-encoding lookup.
for handler, doc in [("CharacterDataHandler", b"<a>text</a>"), ("CommentHandler", b"<a><!--c--></a>"),
                     ("ProcessingInstructionHandler", b"<a><?pi x?></a>"), ("EndElementHandler", b"<a/>"),
                     ("XmlDeclHandler", b"<?xml version='1.0'?><a/>"), ("DefaultHandler", b"<a/>"),
                     ("StartDoctypeDeclHandler", b"<!DOCTYPE a><a/>")]:
    p = pyexpat.ParserCreate()
    p.buffer_text = True
    setattr(p, handler, lambda *a: 1 / 0)
    t(lambda: p.Parse(doc, True))
p = pyexpat.ParserCreate()
p.buffer_text = True
p.CharacterDataHandler = lambda data: 1 / 0
t(lambda: p.Parse(b"<a>buffered text flushed at the end", False))
t(lambda: p.Parse(b"</a>", True))

# Handlers returning nonsense where expat wants an int.
p = pyexpat.ParserCreate()
p.NotStandaloneHandler = lambda: "yes"
t(lambda: p.Parse(b'<?xml version="1.0" standalone="no"?><!DOCTYPE a SYSTEM "x"><a/>', True))
p = pyexpat.ParserCreate()
p.ExternalEntityRefHandler = lambda *a: None
t(lambda: p.Parse(b'<!DOCTYPE a [<!ENTITY e SYSTEM "e">]><a>&e;</a>', True))
p = pyexpat.ParserCreate()
p.ExternalEntityRefHandler = lambda *a: 0
t(lambda: p.Parse(b'<!DOCTYPE a [<!ENTITY e SYSTEM "e">]><a>&e;</a>', True))

# Handlers that mutate the parser while it runs.
p = pyexpat.ParserCreate()
log = []
def swap(name, attrs):
    log.append(name)
    p.StartElementHandler = lambda n, a: log.append("second " + n)
    p.EndElementHandler = None
p.StartElementHandler = swap
p.EndElementHandler = lambda n: log.append("/" + n)
p.Parse(b"<a><b/><c/></a>", True)
print(log)
p = pyexpat.ParserCreate()
p.buffer_text = True
p.buffer_size = 8
got = []
def shrink(data):
    got.append(data)
    p.buffer_size = 2
    p.CharacterDataHandler = got.append
p.CharacterDataHandler = shrink
p.Parse(b"<a>" + b"x" * 20 + b"<b/>" + b"y" * 5 + b"</a>", True)
print(got)
p = pyexpat.ParserCreate()
p.buffer_text = True
got = []
p.CharacterDataHandler = got.append
p.StartElementHandler = lambda name, attrs: setattr(p, "buffer_text", False)  # flushes first
p.Parse(b"<a>one<b/>two</a>", True)
print(got, p.buffer_text)
p = pyexpat.ParserCreate()
p.CharacterDataHandler = lambda d: setattr(p, "CharacterDataHandler", None)
p.Parse(b"<a>x&amp;y</a>", True)
print(p.CharacterDataHandler)
p = pyexpat.ParserCreate()
p.StartElementHandler = "not callable"
t(lambda: p.Parse(b"<a/>", True))

# Truncated, binary and deeply nested documents; the billion laughs.
docs = [b"\x00\x01\x02", b"<a" * 3, b"<" + b"a" * 10000, b"<a>" * 20000 + b"</a>" * 20000,
        bytes(range(256)), b'<a b="' + b"&amp;" * 1000 + b'"/>']
for doc in docs:
    p = pyexpat.ParserCreate()
    depth = [0]
    p.StartElementHandler = lambda n, a: depth.__setitem__(0, depth[0] + 1)
    try:
        print(len(doc), p.Parse(doc, True), depth[0])
    except pyexpat.ExpatError as e:
        print(len(doc), "ExpatError", e.code, depth[0])
lol = b'<!DOCTYPE l [<!ENTITY a "' + b"x" * 10 + b'">' + b"".join(
    b'<!ENTITY %s "%s">' % (bytes([98 + i]), (b"&" + bytes([97 + i]) + b";") * 10) for i in range(9)) + b']><l>&j;</l>'
p = pyexpat.ParserCreate()
n = [0]
p.CharacterDataHandler = lambda d: n.__setitem__(0, n[0] + len(d))
t(lambda: p.Parse(lol, True))
print(n[0])
p = pyexpat.ParserCreate()
t(lambda: p.Parse(b'<!DOCTYPE a [<!ENTITY e "&e;">]><a>&e;</a>', True))
t(lambda: pyexpat.ParserCreate().Parse(None))
t(lambda: pyexpat.ParserCreate().Parse(b"<a/>", "x"))
