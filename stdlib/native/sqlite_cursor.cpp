// The second half of the native _sqlite3 module (see sqlite.cpp): sqlite3.Cursor (execute, executemany,
// executescript, fetchone/fetchmany/fetchall, iteration, close, description, rowcount, lastrowid, arraysize,
// row_factory), sqlite3.Row (by index, by case-insensitive column name, keys, equality, hashing), parameter
// binding (qmark sequences and named mappings, with adapters) and result conversion (text_factory, converters by
// declared type or column name), as CPython 3.11's cursor.c, row.c and statement.c.
#include <cstring>

#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"
#include "stdlib/native/sqlite.h"
#include "vm/objects/buffer.h"

namespace minipy::sqlite {

Type cursor_type;
Type row_type;

namespace {

// A Row keeps the cursor's description rather than a copy of the names, so rows of one query share it; lookups by name
// compare case-insensitively against it each time, as row.c does.
struct RowObject : Object {
  Value description;  // the cursor's description: the column names
  Value values;       // a tuple
};

CursorObject* as_cursor(Value v) { return static_cast<CursorObject*>(v.as_object()); }
RowObject* as_row(Value v) { return static_cast<RowObject*>(v.as_object()); }

// A cursor owns at most one prepared statement (no statement cache: statements are prepared per execute), and it is
// finalized before the next one is prepared or when the cursor closes, so SQLite never sees two live statements from
// one cursor.
void reset_statement(CursorObject* c) {
  if (c->stmt) sqlite3_finalize(c->stmt);
  c->stmt = nullptr;
  c->has_row = false;
}

// The cursor's open database; ProgrammingError for a closed cursor or connection, or a cursor already busy
// (an adapter, converter or factory using the cursor it was called from: CPython's "Recursive use").
sqlite3* usable_db(ThreadState& ts, CursorObject* c) {
  if (c->locked) return raise_error(ts, kProgrammingError, "Recursive use of cursors not allowed."), nullptr;
  if (c->closed) return raise_error(ts, kProgrammingError, "Cannot operate on a closed cursor."), nullptr;
  return open_db(ts, as_connection(c->connection));
}

// Marks a cursor busy for the scope of an execute or fetch.
// RAII so every return path of execute/fetch releases the lock, including the early error returns after Python code (an
// adapter or converter) raised.
class CursorLock {
 public:
  explicit CursorLock(CursorObject* c) : c_(c) { c_->locked = true; }
  ~CursorLock() { c_->locked = false; }
  CursorLock(const CursorLock&) = delete;
  CursorLock& operator=(const CursorLock&) = delete;

 private:
  CursorObject* c_;
};

// Skips whitespace and SQL comments from `p`.
// Leading comments must be skipped before the DML check: `-- note\nINSERT ...` still opens the implicit transaction
// under the legacy isolation_level rules.
const char* skip_blank(const char* p) {
  for (;;) {
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f') p++;
    if (p[0] == '-' && p[1] == '-') {
      while (*p && *p != '\n') p++;
    } else if (p[0] == '/' && p[1] == '*') {
      const char* end = std::strstr(p + 2, "*/");
      if (!end) return p + std::strlen(p);
      p = end + 2;
    } else {
      return p;
    }
  }
}

// Whether `sql` is INSERT/UPDATE/DELETE/REPLACE: the statements an implicit transaction is opened for and whose
// changes rowcount counts (CPython's is_dml).
bool is_dml(const char* sql) {
  const char* p = skip_blank(sql);
  for (const char* word : {"insert", "update", "delete", "replace"})
    if (strncasecmp(p, word, std::strlen(word)) == 0) return true;
  return false;
}

// An adapted parameter (CPython's need_adapt): exact int/float/str pass as they are, others through adapt_object
// (themselves when nothing adapts them).
// The three exact types bind natively and never consult the adapter registry (a registered adapter for int is ignored,
// as in CPython); subclasses do go through it.
Value adapt_parameter(ThreadState& ts, Value v) {
  Type* t = type_of(v);
  if (t == &int_type || t == &float_type || t == &str_type) return v;
  return adapt_object(ts, v, prepare_protocol_type, v);
}

// Binds one parameter set to `stmt`: a sequence for positional (qmark/numeric) parameters, a dict for named ones.
[[nodiscard]] bool bind_parameters(ThreadState& ts, sqlite3_stmt* stmt, Value params) {
  int needed = sqlite3_bind_parameter_count(stmt);
  Type* t = type_of(params);
  // PySequence_Check-like: any object with __len__ and __getitem__ that is not a dict counts as positional parameters;
  // a dict (or subclass) means named parameters.
  if (is_tuple(params) || is_list(params) || (!is_dict(params) && t->getitem && t->length)) {
    int64_t given = py_len(ts, params);
    if (given < 0) return false;
    if (given != needed)
      return raise_error(ts, kProgrammingError,
                         fmt::format("Incorrect number of bindings supplied. The current statement uses {}, and "
                                     "there are {} supplied.", needed, given)),
             false;
    for (int i = 0; i < needed; i++) {
      Value item = get_item(ts, params, make_int(ts, i));
      Value adapted = item ? adapt_parameter(ts, item) : Value();
      if (!adapted) return false;
      int rc = bind_value(ts, stmt, i + 1, adapted);
      if (rc == -1) return false;
      if (rc != SQLITE_OK)
        return raise_error(ts, kProgrammingError, fmt::format("Error binding parameter {}: type '{}' is not supported",
                                                               i + 1, type_of(adapted)->c_name)),
               false;
    }
    return true;
  }
  if (!is_dict(params)) return raise_error(ts, kProgrammingError, "parameters are of unsupported type"), false;
  for (int i = 1; i <= needed; i++) {
    const char* name = sqlite3_bind_parameter_name(stmt, i);
    if (!name)
      return raise_error(ts, kProgrammingError,
                         fmt::format("Binding {} has no name, but you supplied a dictionary (which has only names).",
                                     i)),
             false;
    // A dict subclass is read with __getitem__, so __missing__ can supply a value (CPython's exact-dict fast path is
    // kept for plain dicts, which cannot have one).
    Value key(make_str(ts, name + 1));  // without its ':', '@' or '$'
    Value item = type_of(params) == &dict_type ? dict_get(ts, static_cast<DictObject*>(params.as_object()), key)
                                               : get_item(ts, params, key);
    if (!item) {
      if (ts.current_exception && !is_subtype(type_of(ts.current_exception), &LookupError_type)) return false;
      ts.current_exception = Value();
      return raise_error(ts, kProgrammingError,
                         fmt::format("You did not supply a value for binding parameter :{}.", name + 1)),
             false;
    }
    Value adapted = adapt_parameter(ts, item);
    if (!adapted) return false;
    int rc = bind_value(ts, stmt, i, adapted);
    if (rc == -1) return false;
    if (rc != SQLITE_OK)
      return raise_error(ts, kProgrammingError, fmt::format("Error binding parameter {}: type '{}' is not supported",
                                                             i, type_of(adapted)->c_name)),
             false;
  }
  return true;
}

// The converter for column `i` under the connection's detect_types: by "[type]" in the column name
// (PARSE_COLNAMES), then by the declared type's first word (PARSE_DECLTYPES); null when none.
// Converter names are matched upper-cased, since register_converter upper-cases the names it stores; a lookup failure
// only means "no converter", so any exception from the lookup is dropped.
Value column_converter(ThreadState& ts, sqlite3_stmt* stmt, int i, int64_t detect_types) {
  auto* table = static_cast<DictObject*>(converters.as_object());
  auto lookup = [&](std::string name) -> Value {
    for (char& ch : name) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    Value found = dict_get(ts, table, Value(make_str(ts, name)));
    ts.current_exception = Value();
    return found;
  };
  if (detect_types & 2) {
    std::string_view name = sqlite3_column_name(stmt, i);
    size_t open = name.find('['), close = name.find(']', open == std::string_view::npos ? 0 : open);
    if (open != std::string_view::npos && close != std::string_view::npos)
      if (Value found = lookup(std::string(name.substr(open + 1, close - open - 1)))) return found;
  }
  if (detect_types & 1) {
    const char* decl = sqlite3_column_decltype(stmt, i);
    if (decl) {
      std::string_view d(decl);
      size_t end = d.find_first_of(" (");
      if (Value found = lookup(std::string(d.substr(0, end)))) return found;
    }
  }
  return Value();
}

// The current row of `c`'s statement as a tuple.
Value row_tuple(ThreadState& ts, CursorObject* c) {
  ConnectionObject* connection = as_connection(c->connection);
  sqlite3_stmt* stmt = c->stmt;
  int n = sqlite3_data_count(stmt);
  TupleObject* row = make_tuple(ts, n);
  // Placeholders first: the converters below run Python code, which could reach this tuple through gc.get_objects()
  // before it is filled.
  for (int i = 0; i < n; i++) row->items[i] = None();
  for (int i = 0; i < n; i++) {
    Value converter = connection->detect_types ? column_converter(ts, stmt, i, connection->detect_types) : Value();
    Value item;
    if (converter && sqlite3_column_type(stmt, i) != SQLITE_NULL) {
      const char* data = static_cast<const char*>(sqlite3_column_blob(stmt, i));
      Value raw = make_bytes(ts, std::string_view(data ? data : "", static_cast<size_t>(sqlite3_column_bytes(stmt, i))));
      item = call(ts, converter, std::span<const Value>(&raw, 1));
    } else {
      item = column_value(ts, stmt, i, connection->text_factory);
    }
    if (!item) return Value();
    row->items[i] = item;
  }
  return Value(row);
}

// The next row (through row_factory), stepping the statement on; null at the end (no exception) or on error.
// The cursor reads one row ahead: the row returned now was fetched by the previous step, and the statement is stepped
// again here so `has_row` says whether another exists, which is how iteration knows when to stop.
Value next_row(ThreadState& ts, CursorObject* c) {
  if (!usable_db(ts, c)) return Value();
  if (!c->stmt || !c->has_row) return Value();
  Value row;
  {
    CursorLock lock(c);
    row = row_tuple(ts, c);
  }
  if (!row) return Value();
  // A converter or text factory may have closed the connection meanwhile: its statements are not stepped again.
  if (!open_db(ts, as_connection(c->connection))) return Value();
  int rc = sqlite3_step(c->stmt);
  if (rc == SQLITE_ROW) {
    c->has_row = true;
  } else {
    c->has_row = false;
    if (rc != SQLITE_DONE) {
      Value error = raise_sqlite_error(ts, sqlite3_db_handle(c->stmt));
      reset_statement(c);
      return error;
    }
  }
  // The row factory is called outside the cursor lock: it is user code that may legitimately use the cursor (e.g. read
  // its description), as CPython allows.
  if (!is_none(c->row_factory)) {
    Value factory_args[2] = {Value(c), row};
    Value factory = c->row_factory;
    return call(ts, factory, factory_args);
  }
  return row;
}

// The description of a statement's result: (name, None, None, None, None, None, None) per column (the name
// cut before " [type]" under PARSE_COLNAMES), or None without columns.
Value make_description(ThreadState& ts, sqlite3_stmt* stmt, int64_t detect_types) {
  int n = sqlite3_column_count(stmt);
  if (n == 0) return None();
  TupleObject* description = make_tuple(ts, n);
  for (int i = 0; i < n; i++) description->items[i] = None();
  for (int i = 0; i < n; i++) {
    std::string_view name = sqlite3_column_name(stmt, i);
    if (detect_types & 2) {
      size_t bracket = name.find('[');
      if (bracket != std::string_view::npos) {
        if (bracket > 0 && name[bracket - 1] == ' ') bracket--;
        name = name.substr(0, bracket);
      }
    }
    Value items[7] = {Value(make_str(ts, name)), None(), None(), None(), None(), None(), None()};
    description->items[i] = Value(make_tuple(ts, items));
  }
  return Value(description);
}

}  // namespace

// PEP 246-style adaptation as the sqlite3 module defines it: the registry keyed by (type, protocol), then the object's
// __conform__(protocol); `alt` is the fallback when neither adapts (the object itself for parameters).
Value adapt_object(ThreadState& ts, Value obj, Value proto, Value alt) {
  Value key_items[2] = {Value(type_of(obj)), proto};
  Value adapter = dict_get(ts, static_cast<DictObject*>(adapters.as_object()), Value(make_tuple(ts, key_items)));
  if (adapter) return call(ts, adapter, std::span<const Value>(&obj, 1));
  if (ts.current_exception) return Value();
  Value conform = get_attr_optional(ts, obj, intern(ts, "__conform__"));
  if (conform) {
    Value adapted = call(ts, conform, std::span<const Value>(&proto, 1));
    if (!adapted || !is_none(adapted)) return adapted;
  } else if (ts.current_exception) {
    return Value();
  }
  if (alt) return alt;
  return raise_error(ts, kProgrammingError, "can't adapt");
}

Value column_value(ThreadState& ts, sqlite3_stmt* stmt, int i, Value text_factory) {
  switch (sqlite3_column_type(stmt, i)) {
    case SQLITE_INTEGER: return make_int(ts, sqlite3_column_int64(stmt, i));
    case SQLITE_FLOAT: return make_float(ts, sqlite3_column_double(stmt, i));
    case SQLITE_TEXT: {
      const char* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
      std::string_view text(data ? data : "", static_cast<size_t>(sqlite3_column_bytes(stmt, i)));
      if (text_factory.is_object() && text_factory.as_object() == &str_type) {
        // SQLite stores whatever bytes were inserted as TEXT; CPython's default text_factory=str raises
        // OperationalError for invalid UTF-8 with this wording rather than a UnicodeDecodeError.
        if (!utf8_valid(text))
          return raise_error(ts, kOperationalError, fmt::format("Could not decode to UTF-8 column '{}' with text '{}'",
                                                                sqlite3_column_name(stmt, i), text));
        return Value(make_str(ts, text));
      }
      Value bytes = make_bytes(ts, text);
      if (text_factory.is_object() && text_factory.as_object() == &bytes_type) return bytes;
      return call(ts, text_factory, std::span<const Value>(&bytes, 1));
    }
    case SQLITE_BLOB: {
      const char* data = static_cast<const char*>(sqlite3_column_blob(stmt, i));
      return make_bytes(ts, std::string_view(data ? data : "", static_cast<size_t>(sqlite3_column_bytes(stmt, i))));
    }
    default: return None();
  }
}

int bind_value(ThreadState& ts, sqlite3_stmt* stmt, int index, Value v) {
  if (is_none(v)) return sqlite3_bind_null(stmt, index);
  if (is_int(v)) {
    int64_t n;
    if (!int_to_int64(v, &n)) return raise(ts, OverflowError_type, "Python int too large to convert to SQLite INTEGER"), -1;
    return sqlite3_bind_int64(stmt, index, n);
  }
  if (is_float(v)) return sqlite3_bind_double(stmt, index, float_value(v));
  if (is_str(v)) {
    std::string_view text = as_str(v)->view();
    return sqlite3_bind_text64(stmt, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  }
  if (has_buffer(v)) {
    std::string_view bytes;
    if (!native::bytes_like(ts, v, &bytes)) return -1;
    return sqlite3_bind_blob64(stmt, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
  }
  return SQLITE_MISMATCH;
}

Value new_cursor(ThreadState& ts, Type* type, Value connection) {
  auto* c = ts.alloc<CursorObject>(type, type->instance_size);
  c->connection = connection;
  c->description = None();
  c->row_factory = as_connection(connection)->row_factory;
  c->lastrowid = None();
  c->rowcount = -1;
  c->arraysize = 1;
  return Value(c);
}

Value cursor_execute(ThreadState& ts, Value cursor, Value sql, Value parameters, bool many) {
  CursorObject* c = as_cursor(cursor);
  sqlite3* db = usable_db(ts, c);
  if (!db) return Value();
  if (!is_str(sql))
    return raise_fmt(ts, TypeError_type, "{}() argument 1 must be str, not {}", many ? "executemany" : "execute",
                     type_of(sql)->c_name);
  CursorLock lock(c);  // parameter sources and adapters are Python code
  reset_statement(c);
  c->description = None();
  c->rowcount = -1;
  ConnectionObject* connection = as_connection(c->connection);
  StrObject* text = as_str(sql);
  sqlite3_stmt* stmt = nullptr;
  const char* tail = nullptr;
  if (sqlite3_prepare_v2(db, text->data, static_cast<int>(text->size) + 1, &stmt, &tail) != SQLITE_OK)
    return raise_sqlite_error(ts, db);
  if (tail && *skip_blank(tail)) {
    sqlite3_finalize(stmt);
    return raise_error(ts, kProgrammingError, "You can only execute one statement at a time.");
  }
  if (!stmt) return cursor;  // only blanks and comments
  c->stmt = stmt;
  if (many && sqlite3_stmt_readonly(stmt)) {
    reset_statement(c);
    return raise_error(ts, kProgrammingError, "executemany() can only execute DML statements.");
  }
  bool dml = is_dml(text->data);
  // Parameter sets: the one given (or none), or each item executemany's iterable yields.
  Value iterator;
  if (many) {
    iterator = get_iter(ts, parameters);
    if (!iterator) return reset_statement(c), Value();
  }
  bool first = true;
  for (;;) {
    Value params;
    if (many) {
      params = iter_next(ts, iterator);
      if (!params) {
        if (ts.current_exception) return reset_statement(c), Value();
        break;
      }
    } else {
      if (!first) break;
      params = parameters ? parameters : Value(make_tuple(ts, 0));
    }
    first = false;
    // The parameter source is Python code: it may have closed the connection.
    if (!open_db(ts, connection)) return reset_statement(c), Value();
    if (connection->isolation_level && dml && sqlite3_get_autocommit(db)) {
      std::string begin = "BEGIN " + std::string(as_str(connection->isolation_level)->view());
      if (!exec_simple(ts, connection, begin.c_str())) return reset_statement(c), Value();
    }
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (!bind_parameters(ts, stmt, params) || !open_db(ts, connection)) return reset_statement(c), Value();
    int rc = sqlite3_step(stmt);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
      Value error = raise_sqlite_error(ts, db);
      reset_statement(c);
      return error;
    }
    if (dml) c->rowcount = (c->rowcount < 0 ? 0 : c->rowcount) + sqlite3_changes64(db);
    c->has_row = rc == SQLITE_ROW;
  }
  c->description = make_description(ts, stmt, connection->detect_types);
  c->lastrowid = many ? None() : make_int(ts, sqlite3_last_insert_rowid(db));
  return cursor;
}

Value cursor_executescript(ThreadState& ts, Value cursor, Value script) {
  CursorObject* c = as_cursor(cursor);
  sqlite3* db = usable_db(ts, c);
  if (!db) return Value();
  if (!is_str(script))
    return raise_fmt(ts, TypeError_type, "executescript() argument must be str, not {}", type_of(script)->c_name);
  reset_statement(c);
  // A pending transaction is committed first, as CPython does.
  if (!sqlite3_get_autocommit(db) && !exec_simple(ts, as_connection(c->connection), "COMMIT")) return Value();
  std::string text(as_str(script)->view());
  const char* sql = text.c_str();
  while (*skip_blank(sql)) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, &sql) != SQLITE_OK) return raise_sqlite_error(ts, db);
    if (!stmt) continue;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) return raise_sqlite_error(ts, db);
  }
  return cursor;
}

namespace {

Value new_cursor_instance(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  Value v[1];
  if (!native::parse_args(ts, "Cursor", args, kwnames, {""}, 1, 1, v)) return Value();
  if (!v[0].is_object() || !is_subtype(type_of(v[0]), &connection_type))
    return raise_fmt(ts, TypeError_type, "Cursor() argument 1 must be sqlite3.Connection, not {}", type_of(v[0])->c_name);
  return new_cursor(ts, type, v[0]);
}

void trace_cursor(Object* self, Tracer& tracer) {
  auto* c = static_cast<CursorObject*>(self);
  tracer.visit(c->connection);
  tracer.visit(c->description);
  tracer.visit(c->row_factory);
  tracer.visit(c->lastrowid);
}

void finalize_cursor(Object* self) { reset_statement(static_cast<CursorObject*>(self)); }

NATIVE_FN(cursor_execute_method) {
  Value v[2];
  if (!check_positional_args(ts, "execute", args, kwnames, 1, 2)) return Value();
  for (size_t i = 0; i < 2; i++) v[i] = i < args.size() ? args[i] : Value();
  return cursor_execute(ts, self, v[0], v[1], false);
}
NATIVE_FN(cursor_executemany_method) {
  Value v[2];
  if (!check_positional_args(ts, "executemany", args, kwnames, 2, 2)) return Value();
  for (size_t i = 0; i < 2; i++) v[i] = i < args.size() ? args[i] : Value();
  return cursor_execute(ts, self, v[0], v[1], true);
}
NATIVE_FN(cursor_executescript_method) {
  Value v[1];
  if (!check_positional_args(ts, "executescript", args, kwnames, 1, 1)) return Value();
  for (size_t i = 0; i < 1; i++) v[i] = i < args.size() ? args[i] : Value();
  return cursor_executescript(ts, self, v[0]);
}

Value cursor_next(ThreadState& ts, Value self) { return next_row(ts, as_cursor(self)); }

NATIVE_FN(cursor_fetchone) {
  if (!native::no_args(ts, "Cursor.fetchone", args, kwnames)) return Value();
  Value row = next_row(ts, as_cursor(self));
  if (!row && !ts.current_exception) return None();
  return row;
}

// fetchmany(size=cursor.arraysize) and fetchall(): a list of the next rows.
Value fetch_rows(ThreadState& ts, CursorObject* c, int64_t limit) {
  if (!usable_db(ts, c)) return Value();
  ListObject* rows = make_list(ts, 0);
  for (int64_t n = 0; limit < 0 || n < limit; n++) {
    Value row = next_row(ts, c);
    if (!row) {
      if (ts.current_exception) return Value();
      break;
    }
    if (!list_append(ts, rows, row)) return Value();
  }
  return Value(rows);
}
NATIVE_FN(cursor_fetchmany) {
  Value v[1];
  if (!native::parse_args(ts, "fetchmany", args, kwnames, {"size"}, 0, 0, v)) return Value();
  int64_t size = as_cursor(self)->arraysize;
  if (v[0] && !index_to_int64(ts, v[0], &size)) return Value();
  return fetch_rows(ts, as_cursor(self), size);
}
NATIVE_FN(cursor_fetchall) {
  if (!native::no_args(ts, "Cursor.fetchall", args, kwnames)) return Value();
  return fetch_rows(ts, as_cursor(self), -1);
}
NATIVE_FN(cursor_close) {
  if (!native::no_args(ts, "Cursor.close", args, kwnames)) return Value();
  CursorObject* c = as_cursor(self);
  if (c->locked) return raise_error(ts, kProgrammingError, "Recursive use of cursors not allowed.");
  if (!open_db(ts, as_connection(c->connection))) return Value();
  reset_statement(c);
  c->closed = true;
  return None();
}
NATIVE_FN(cursor_ignore_sizes) { return None(); }  // setinputsizes / setoutputsize: DB-API no-ops

NATIVE_FN(cursor_description) { return as_cursor(args[0])->description; }
NATIVE_FN(cursor_rowcount) { return make_int(ts, as_cursor(args[0])->rowcount); }
NATIVE_FN(cursor_lastrowid) { return as_cursor(args[0])->lastrowid; }
NATIVE_FN(cursor_connection) { return as_cursor(args[0])->connection; }
NATIVE_FN(cursor_get_arraysize) { return make_int(ts, as_cursor(args[0])->arraysize); }
NATIVE_FN(cursor_set_arraysize) {
  if (args.size() < 2) return raise(ts, AttributeError_type, "can't delete attribute");
  int64_t size;
  if (!index_to_int64(ts, args[1], &size)) return Value();
  as_cursor(args[0])->arraysize = size;
  return None();
}
NATIVE_FN(cursor_get_row_factory) { return as_cursor(args[0])->row_factory; }
NATIVE_FN(cursor_set_row_factory) {
  if (args.size() < 2) return raise(ts, AttributeError_type, "can't delete attribute");
  as_cursor(args[0])->row_factory = args[1];
  return None();
}

const MethodDef kCursorMethods[] = {
    {"execute", cursor_execute_method}, {"executemany", cursor_executemany_method},
    {"executescript", cursor_executescript_method}, {"fetchone", cursor_fetchone},
    {"fetchmany", cursor_fetchmany}, {"fetchall", cursor_fetchall}, {"close", cursor_close},
    {"setinputsizes", cursor_ignore_sizes}, {"setoutputsize", cursor_ignore_sizes}};
const MethodDef kCursorReadOnly[] = {{"description", cursor_description},
                                     {"rowcount", cursor_rowcount},
                                     {"lastrowid", cursor_lastrowid},
                                     {"connection", cursor_connection}};
const std::pair<MethodDef, MethodDef> kCursorSettable[] = {
    {{"arraysize", cursor_get_arraysize}, {"arraysize", cursor_set_arraysize}},
    {{"row_factory", cursor_get_row_factory}, {"row_factory", cursor_set_row_factory}}};

// ---- sqlite3.Row ----------------------------------------------------------------------------------------------------

Value new_row(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  if (kwnames && kwnames->size > 0) return raise(ts, TypeError_type, "Row() takes no keyword arguments");
  if (!check_arg_count(ts, "Row", args.size(), 2, 2)) return Value();
  if (!args[0].is_object() || !is_subtype(type_of(args[0]), &cursor_type))
    return raise_fmt(ts, TypeError_type, "Row() argument 1 must be sqlite3.Cursor, not {}", type_of(args[0])->c_name);
  if (!is_tuple(args[1]))
    return raise_fmt(ts, TypeError_type, "Row() argument 2 must be tuple, not {}", type_of(args[1])->c_name);
  auto* row = alloc_instance<RowObject>(ts, type);
  row->description = as_cursor(args[0])->description;
  row->values = args[1];
  return Value(row);
}

void trace_row(Object* self, Tracer& tracer) {
  tracer.visit(static_cast<RowObject*>(self)->description);
  tracer.visit(static_cast<RowObject*>(self)->values);
}

TupleObject* row_values(Value row) { return static_cast<TupleObject*>(as_row(row)->values.as_object()); }

// row[i], row[slice], row["name"] (column names compared case-insensitively, ASCII only as SQLite's).
Value row_getitem(ThreadState& ts, Value self, Value key) {
  TupleObject* values = row_values(self);
  if (is_str(key)) {
    std::string_view wanted = as_str(key)->view();
    Value description = as_row(self)->description;
    if (is_tuple(description)) {
      auto* columns = static_cast<TupleObject*>(description.as_object());
      for (int64_t i = 0; i < columns->size && i < values->size; i++) {
        Value name = static_cast<TupleObject*>(columns->items[i].as_object())->items[0];
        std::string_view have = as_str(name)->view();
        if (have.size() == wanted.size() && strncasecmp(have.data(), wanted.data(), have.size()) == 0)
          return values->items[i];
      }
    }
    return raise(ts, IndexError_type, "No item with that key");
  }
  if (is_int(key) || type_of(key) == &slice_type) return get_item(ts, as_row(self)->values, key);
  return raise(ts, IndexError_type, "Index must be int or string");
}

NATIVE_FN(row_keys) {
  if (!native::no_args(ts, "Row.keys", args, kwnames)) return Value();
  ListObject* keys = make_list(ts, 0);
  Value description = as_row(self)->description;
  if (is_tuple(description))
    for (Value column : static_cast<TupleObject*>(description.as_object())->span())
      if (!list_append(ts, keys, static_cast<TupleObject*>(column.as_object())->items[0])) return Value();
  return Value(keys);
}

int64_t row_len(ThreadState&, Value self) { return row_values(self)->size; }
Value row_iter(ThreadState& ts, Value self) { return get_iter(ts, as_row(self)->values); }

Value row_compare(ThreadState& ts, Value a, Value b, int op) {
  if ((op != kEq && op != kNe) || !b.is_object() || !is_subtype(type_of(b), &row_type)) return NotImplemented();
  int same = rich_compare_bool(ts, as_row(a)->description, as_row(b)->description, kEq);
  if (same < 0) return Value();
  if (same) same = rich_compare_bool(ts, as_row(a)->values, as_row(b)->values, kEq);
  if (same < 0) return Value();
  return Bool(op == kEq ? same != 0 : same == 0);
}

bool row_hash(ThreadState& ts, Value self, int64_t* out) {
  int64_t h1, h2;
  if (!py_hash(ts, as_row(self)->description, &h1) || !py_hash(ts, as_row(self)->values, &h2)) return false;
  *out = h1 ^ h2;
  if (*out == -1) *out = -2;
  return true;
}

const MethodDef kRowMethods[] = {{"keys", row_keys}};

}  // namespace

void init_cursor_types(ThreadState& ts) {
  native::init_native_type(ts, cursor_type, "Cursor", "sqlite3", sizeof(CursorObject), true);
  cursor_type.new_instance = new_cursor_instance;
  cursor_type.trace = trace_cursor;
  cursor_type.finalize = finalize_cursor;
  cursor_type.iter = iter_self;
  cursor_type.iternext = cursor_next;
  add_methods(ts, cursor_type, kCursorMethods);
  for (const MethodDef& getter : kCursorReadOnly) add_native_property(ts, cursor_type, &getter, nullptr, ReadOnly::kMember);
  for (const auto& [getter, setter] : kCursorSettable) add_native_property(ts, cursor_type, &getter, &setter);
  native::complete_native_type(ts, cursor_type);
  allow_weak_references(cursor_type);
  add_native_new(ts, cursor_type);  // cursor.__new__(Subclass, ...) works, as CPython's

  native::init_native_type(ts, row_type, "Row", "sqlite3", sizeof(RowObject), true);
  row_type.new_instance = new_row;
  row_type.trace = trace_row;
  row_type.getitem = row_getitem;
  row_type.length = row_len;
  row_type.iter = row_iter;
  row_type.richcompare = row_compare;
  row_type.hash = row_hash;
  add_methods(ts, row_type, kRowMethods);
  native::complete_native_type(ts, row_type);
  add_native_new(ts, row_type);  // row.__new__(Subclass, ...) works, as CPython's

  // PrepareProtocol: the protocol object adapters are registered under, a plain class as CPython's (made the way
  // the exception classes are: type(name, (object,), {"__module__": "sqlite3"})).
  prepare_protocol_type = native::new_exception_class(ts, "sqlite3", "PrepareProtocol", &object_type);
  register_root(ts, &prepare_protocol_type);
}

}  // namespace minipy::sqlite
