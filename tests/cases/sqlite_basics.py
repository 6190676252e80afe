# The native _sqlite3 module (over the system's SQLite, as CPython's) under Lib's sqlite3: connect, execute with
# qmark and named parameters, executemany, executescript, fetchone/fetchmany/fetchall and iteration, rowcount,
# lastrowid, description, implicit transactions and commit/rollback/in_transaction, the connection as a context
# manager, Row, row_factory/text_factory, adapters and converters (PARSE_DECLTYPES/PARSE_COLNAMES),
# create_function, and the DB-API errors with sqlite_errorcode/sqlite_errorname; hostile callbacks never crash.
import datetime
import sqlite3

def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e, getattr(e, "sqlite_errorcode", ""), getattr(e, "sqlite_errorname", ""))

c = sqlite3.connect(":memory:")
c.execute("create table t(id integer primary key, name text unique, v real)")
for q, p in [("insert into t values(?,?)", (1,)), ("insert into t(name) values(?)", ([1],)),
             ("insert into t(name) values(:n)", {"x": 1}), ("insert into t(name) values(:n)", {"n": [1]}),
             ("selec 1", ()), ("select * from nope", ()), ("select 1; select 2", ()),
             ("insert into t(name) values(?)", (2**70,)), ("select 1", 5), ("select ?1, :a", {"a": 1})]:
    t(lambda: c.execute(q, p))
c.execute("insert into t(name) values(?)", ("a",))
t(lambda: c.execute("insert into t(name) values(?)", ("a",)))
t(lambda: c.executemany("select ?", [(1,)]))
t(lambda: setattr(c, "isolation_level", "foo")); t(lambda: setattr(c, "isolation_level", 3))
t(lambda: c.execute(42)); t(lambda: c.execute("select 1", (), ()))
cur = c.execute('select 1 as a, 2 as "b [int]"')
print(cur.description, cur.rowcount, cur.lastrowid, cur.fetchall(), cur.fetchone())
cur = c.executemany("insert into t(name, v) values(?, ?)", [("x", 1.5), ("y", None)])
print(cur.rowcount, cur.lastrowid, cur.description, c.in_transaction, c.total_changes, c.isolation_level)
c.commit()
print(c.in_transaction)
cur = c.execute("update t set v = v + 1 where v is not null or name = 'a'")
print(cur.rowcount, c.in_transaction)
c.rollback()
print(c.execute("select * from t order by id").fetchall(), c.in_transaction)
print(c.execute("select :a + :b, ?3", {"a": 1, "b": 2, "3": 4}).fetchone() if False else c.execute("select :a + :b", {"a": 1, "b": 2}).fetchone())
print(c.execute("select ?, ?, ?, ?, ?", (None, True, 2.5, "é€", b"\x00\xff")).fetchone())
print(c.execute("select ?", (bytearray(b"ba"),)).fetchone(), c.execute("select ?", (memoryview(b"mv"),)).fetchone())

c.row_factory = sqlite3.Row
r = c.execute("select id, name as Nm from t where v is not null").fetchone()
print(type(r).__name__, r[0], r["nm"], r["NM"], r[-1], r[0:2], r.keys(), tuple(r), len(r), r == r, hash(r) == hash(r))
t(lambda: r["nope"]); t(lambda: r[5]); t(lambda: r[1.5])
for row in c.execute("select name from t order by name desc"):
    print(row["name"], end=" ")
print()
c.row_factory = lambda cursor, row: {d[0]: v for d, v in zip(cursor.description, row)}
print(c.execute("select 1 as one, 'x' as ex").fetchone())
c.row_factory = None

with c:
    c.execute("insert into t(name) values('ctx')")
try:
    with c:
        c.execute("insert into t(name) values('rolled')")
        raise KeyError("x")
except KeyError:
    pass
print(c.execute("select name from t where name in ('ctx', 'rolled')").fetchall())
c.isolation_level = None
c.execute("insert into t(name) values('auto')")
print(c.in_transaction, c.isolation_level)
c.isolation_level = "IMMEDIATE"
c.execute("insert into t(name) values('imm')")
print(c.in_transaction)
c.commit()

c.create_function("twice", 1, lambda x: x * 2)
print(c.execute("select twice(21), twice('ab'), twice(1.5)").fetchone())
c.create_function("boom", 0, lambda: 1 / 0)
t(lambda: c.execute("select boom()").fetchone())
c.create_function("bad", 0, lambda: [1])
t(lambda: c.execute("select bad()").fetchone())

cur = c.cursor()
cur.executescript("create table u(a); insert into u values(1); insert into u values(2); insert into u values(3);")
print(cur.execute("select sum(a) from u").fetchone()[0], cur.fetchone())
cur.arraysize = 2
print(cur.execute("select a from u order by a").fetchmany(), cur.fetchmany(5), cur.fetchmany())
t(lambda: cur.executescript("create table u(b);"))
cur.close()
t(lambda: cur.execute("select 1"))

# Hostile Python callbacks: parameter sources, adapters, converters and factories that raise or misbehave.
def params():
    yield (1,)
    raise ValueError("from the generator")
t(lambda: c.executemany("insert into u values(?)", params()))
class Odd:
    pass
t(lambda: c.execute("select ?", (Odd(),)))
sqlite3.register_adapter(Odd, lambda o: "adapted")
print(c.execute("select ?", (Odd(),)).fetchone())
sqlite3.register_adapter(Odd, lambda o: 1 / 0)
t(lambda: c.execute("select ?", (Odd(),)))
class Conforming:
    def __conform__(self, proto):
        return "conformed" if proto is sqlite3.PrepareProtocol else None
print(c.execute("select ?", (Conforming(),)).fetchone(), sqlite3.adapt(Conforming()), sqlite3.adapt(5, sqlite3.PrepareProtocol, "alt"))
t(lambda: sqlite3.adapt(Odd()))
c.text_factory = lambda b: b.decode()[::-1]
print(c.execute("select 'abc'").fetchone())
c.text_factory = lambda b: 1 / 0
t(lambda: c.execute("select 'abc'").fetchone())
c.text_factory = str
c.row_factory = lambda cur, row: 1 / 0
t(lambda: c.execute("select 1").fetchone())
c.row_factory = None
cur = c.execute("select a from u")
c.close()
t(lambda: cur.fetchone()); t(lambda: c.execute("select 1")); t(lambda: c.commit()); t(lambda: c.in_transaction)
c.close()

d = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES)
d.execute("create table d(day date, ts timestamp, n integer)")
d.execute("insert into d values(?, ?, ?)", (datetime.date(2024, 2, 29), datetime.datetime(2024, 1, 2, 3, 4, 5, 6), 7))
sqlite3.register_converter("triple", lambda b: int(b) * 3)
print(d.execute('select day, ts, day as "x [date]", n as "n [triple]" from d').fetchone())
print(d.execute('select n as "n [triple]" from d').description)
sqlite3.register_converter("bad", lambda b: 1 / 0)
t(lambda: d.execute('select n as "n [bad]" from d').fetchone())
d.text_factory = bytes
print(d.execute("select 'héllo'").fetchone())
print(sqlite3.complete_statement("select 1;"), sqlite3.complete_statement("select 1"))
print(sqlite3.Row, sqlite3.Error.__module__, issubclass(sqlite3.IntegrityError, sqlite3.DatabaseError),
      sqlite3.DatabaseError.__mro__[1].__name__, sqlite3.Warning.__mro__[1].__name__, d.Error is sqlite3.Error,
      sqlite3.version, sqlite3.paramstyle, sqlite3.PARSE_COLNAMES)
t(lambda: sqlite3.connect("/nonexistent/dir/x.db"))
t(lambda: sqlite3.Cursor(5)); t(lambda: sqlite3.Row(1, ()))
# Callbacks that reenter the cursor they run in, or close the connection under it.
e = sqlite3.connect(":memory:")
e.execute("create table r(a)")
e.executemany("insert into r values(?)", [(1,), (2,), (3,)])
cur = e.cursor()
def reenter():
    yield (10,)
    cur.execute("select 1")
    yield (11,)
t(lambda: cur.executemany("insert into r values(?)", reenter()))
sqlite3.register_converter("peek", lambda b: cur.execute("select 2"))
f = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_COLNAMES)
cur = f.cursor()
t(lambda: cur.execute('select 1 as "x [peek]"').fetchall())
sqlite3.register_converter("shut", lambda b: (cur.close(), b)[1])
t(lambda: cur.execute('select 1 as "x [shut]"').fetchall())
sqlite3.register_converter("closedb", lambda b: (f.close(), b)[1])
t(lambda: cur.execute('select 1 as "x [closedb]" union all select 2').fetchall())
print(sorted(x for (x,) in e.execute("select a from r")))
