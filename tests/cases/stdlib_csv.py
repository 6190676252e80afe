# csv (native _csv): reading and writing with every quoting mode, dialect parameters and their validation
# errors, the registry, multi-line quoted fields, strict mode, field_size_limit, DictReader/DictWriter and
# Sniffer, and a round trip through a real file opened with newline=''.
import csv, _csv, io, os, tempfile


def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


def write(rows, **kw):
    s = io.StringIO()
    w = csv.writer(s, **kw)
    for r in rows:
        w.writerow(r)
    return repr(s.getvalue())


def read(lines, **kw):
    return list(csv.reader(lines, **kw))


for kw in [dict(delimiter=1), dict(delimiter="ab"), dict(delimiter=""), dict(quotechar=1), dict(quotechar="ab"),
           dict(quotechar=None), dict(escapechar=5), dict(escapechar="ab"), dict(lineterminator=1),
           dict(lineterminator=None), dict(quoting="x"), dict(quoting=9), dict(doublequote=0), dict(bogus=1),
           dict(quotechar=None, quoting=csv.QUOTE_MINIMAL), dict(quotechar=None, quoting=csv.QUOTE_ALL)]:
    attempt(lambda: (kw, _csv.Dialect(**kw).quoting))
d = _csv.Dialect()
print(d.delimiter, d.quotechar, d.escapechar, repr(d.lineterminator), d.quoting, d.doublequote, d.skipinitialspace,
      d.strict)
attempt(lambda: setattr(d, "delimiter", ";"))

rows = [["a", "b,c", 'd"e', "f\ng", "h\ri", " j", "", None, 1, 2.5, True, 1e100, "x\ty", "é€"], [""], [None], [],
        ["only"]]
for quoting in (csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC):
    attempt(lambda: write(rows, quoting=quoting))
attempt(lambda: write([["a,b", 'c"d', "e\\f"]], quoting=csv.QUOTE_NONE, escapechar="\\"))
attempt(lambda: write([["a,b", 'c"d', "e\\f"]], doublequote=False, escapechar="\\"))
attempt(lambda: write([['c"d']], doublequote=False))
attempt(lambda: write([["a;b", "c,d"]], delimiter=";", lineterminator="\n"))
attempt(lambda: write([["a\rb", "c\nd"]], lineterminator="\n"))
attempt(lambda: write([["a", "b"]], dialect="excel-tab"))
attempt(lambda: write([["x'y", "z"]], quotechar="'"))
attempt(lambda: write([["esc\\ape", 'q"']], escapechar="\\"))
attempt(lambda: write([["a,b"]], quoting=csv.QUOTE_NONE))
attempt(lambda: write([[""]], quoting=csv.QUOTE_NONE))
w = csv.writer(io.StringIO())
attempt(lambda: w.writerow(1))
attempt(lambda: w.writerows(1))
attempt(lambda: csv.writer(1))
attempt(lambda: w.writerow(["a", type("Bad", (), {"__str__": lambda s: 1 / 0})()]))
print(w.writerow(["return", "value"]), w.dialect.lineterminator.encode())

print(read(["a\0b,c\n"]), read(['"ab']), read(['"a"b,c']), read(['a"b,c']))
attempt(lambda: read([1]))
attempt(lambda: csv.reader(1))
attempt(lambda: read(['a"b,"c\n'], strict=True))
attempt(lambda: read(['"a"b,c'], strict=True))
attempt(lambda: read(['"ab'], strict=True))
attempt(lambda: read(['a\rb,c']))
attempt(lambda: read(['1,abc,"x"'], quoting=csv.QUOTE_NONNUMERIC))
attempt(lambda: read(['1,2.5,"x",'], quoting=csv.QUOTE_NONNUMERIC))
attempt(lambda: read(['1,,2', '1, 2.5 ,"x"'], quoting=csv.QUOTE_NONNUMERIC))
attempt(lambda: read(['a, b,  "c"'], skipinitialspace=True))
attempt(lambda: read(['a\\,b,c\\\n', 'd'], escapechar="\\"))
attempt(lambda: read(['"a\n', 'b",c\n', 'd,"e""f"\n']))
attempt(lambda: read(["a;b;'c;d'"], delimiter=";", quotechar="'"))
attempt(lambda: read(['"a"b"c,d']))
attempt(lambda: read(['\n', 'a,b\n', '\r\n', '', 'c\r\n']))
attempt(lambda: read(['"a\\"b",c'], escapechar="\\"))
attempt(lambda: read(['"a""b",c'], doublequote=False))
attempt(lambda: read(['a,"b c"d,e'], quoting=csv.QUOTE_NONE))
attempt(lambda: read(['a\tb'], dialect=csv.excel_tab))
r = csv.reader(["a,b\n", '"c\n', 'd"\n', "e\n"])
print(next(r), r.line_num, next(r), r.line_num, r.dialect.delimiter, type(r).__name__, list(r))


class Pipes(csv.Dialect):
    delimiter = "|"
    quotechar = "'"
    lineterminator = "\n"
    quoting = csv.QUOTE_MINIMAL
    doublequote = True
    skipinitialspace = False


attempt(lambda: read(["x|'y|z'"], dialect=Pipes))
attempt(lambda: write([["x|y", "z"]], dialect=Pipes()))
csv.register_dialect("bars", delimiter="|")
csv.register_dialect("semi", Pipes, delimiter=";")
attempt(lambda: (csv.get_dialect("bars").delimiter, read(["a|b"], dialect="bars"), csv.get_dialect("semi").quotechar))
print(sorted(csv.list_dialects()))
csv.unregister_dialect("bars")
attempt(lambda: csv.get_dialect("bars"))
attempt(lambda: csv.unregister_dialect("bars"))
attempt(lambda: csv.register_dialect(1))
attempt(lambda: read(["a,b"], dialect="nope"))

print(csv.field_size_limit(), csv.field_size_limit(10), csv.field_size_limit())
attempt(lambda: read(["a" * 11]))
attempt(lambda: csv.field_size_limit("x"))
csv.field_size_limit(131072)
print(repr(csv.Error), csv.Error.__module__, issubclass(csv.Error, Exception))

people = [{"name": "Ada", "born": 1815, "note": "first, programmer"}, {"name": 'Grace "Amazing"', "born": 1906}]
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "people.csv")
    with open(path, "w", newline="") as f:
        dw = csv.DictWriter(f, fieldnames=["name", "born", "note"], restval="-")
        dw.writeheader()
        dw.writerows(people)
    with open(path, newline="") as f:
        print(repr(f.read()))
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            print(row)
    try:
        csv.DictWriter(io.StringIO(), ["a"]).writerow({"a": 1, "zzz": 2})
    except ValueError as e:
        print("ValueError:", e)
sample = "id;name;score\n1;ann;9.5\n2;bob;7.0\n"
dialect = csv.Sniffer().sniff(sample)
print(dialect.delimiter, csv.Sniffer().has_header(sample), read(io.StringIO(sample), dialect=dialect))
