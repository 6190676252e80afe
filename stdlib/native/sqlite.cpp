// The native `_sqlite3` module, as CPython 3.11's Modules/_sqlite (module.c, connection.c, microprotocols.c):
// connect, sqlite3.Connection (cursor, execute/executemany/executescript, commit/rollback/close, the implicit
// transactions of isolation_level, in_transaction, total_changes, row_factory, text_factory, create_function,
// the context manager), the DB-API exception tree with sqlite_errorcode/sqlite_errorname, adapters and
// converters (register_adapter/register_converter/adapt, PARSE_DECLTYPES/PARSE_COLNAMES), complete_statement,
// version/sqlite_version. Cursors and rows are in sqlite_cursor.cpp. Lib's sqlite3 package runs on top of it.
//
// As zlib, it calls the system's library (Debian's libsqlite3-dev, static in a static minipy): the module's
// contract is SQLite's own behaviour and messages, which CPython gets from this same library.
//
// Left out: create_aggregate, create_window_function, create_collation, set_authorizer, set_progress_handler,
// set_trace_callback, blobopen (sqlite3.Blob), backup, iterdump, serialize/deserialize, load_extension,
// interrupt, getlimit/setlimit and the SQLITE_* constants beyond SQLITE_OK/DENY/IGNORE; check_same_thread and
// cached_statements are accepted and ignored (one thread; statements are prepared per execute).
#include "stdlib/native/sqlite.h"

#include <cstring>

#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"

namespace minipy::sqlite {

Value error_classes[kErrorClassCount];
const char* const kErrorClassNames[kErrorClassCount] = {
    "Warning",           "Error",          "InterfaceError", "DatabaseError",    "DataError",
    "OperationalError",  "IntegrityError", "InternalError",  "ProgrammingError", "NotSupportedError"};
Type connection_type;
Value adapters;
Value converters;
Value prepare_protocol_type;

namespace {

ThreadState* g_ts = nullptr;  // for SQLite's callbacks into user-defined functions (one thread)

// sqlite_errorname: SQLite has no API for the names, so the common codes are listed (others are "unknown").
constexpr std::pair<int, const char*> kErrorNames[] = {
    {SQLITE_OK, "SQLITE_OK"}, {SQLITE_ERROR, "SQLITE_ERROR"}, {SQLITE_INTERNAL, "SQLITE_INTERNAL"},
    {SQLITE_PERM, "SQLITE_PERM"}, {SQLITE_ABORT, "SQLITE_ABORT"}, {SQLITE_BUSY, "SQLITE_BUSY"},
    {SQLITE_LOCKED, "SQLITE_LOCKED"}, {SQLITE_NOMEM, "SQLITE_NOMEM"}, {SQLITE_READONLY, "SQLITE_READONLY"},
    {SQLITE_INTERRUPT, "SQLITE_INTERRUPT"}, {SQLITE_IOERR, "SQLITE_IOERR"}, {SQLITE_CORRUPT, "SQLITE_CORRUPT"},
    {SQLITE_NOTFOUND, "SQLITE_NOTFOUND"}, {SQLITE_FULL, "SQLITE_FULL"}, {SQLITE_CANTOPEN, "SQLITE_CANTOPEN"},
    {SQLITE_PROTOCOL, "SQLITE_PROTOCOL"}, {SQLITE_EMPTY, "SQLITE_EMPTY"}, {SQLITE_SCHEMA, "SQLITE_SCHEMA"},
    {SQLITE_TOOBIG, "SQLITE_TOOBIG"}, {SQLITE_CONSTRAINT, "SQLITE_CONSTRAINT"}, {SQLITE_MISMATCH, "SQLITE_MISMATCH"},
    {SQLITE_MISUSE, "SQLITE_MISUSE"}, {SQLITE_NOLFS, "SQLITE_NOLFS"}, {SQLITE_AUTH, "SQLITE_AUTH"},
    {SQLITE_FORMAT, "SQLITE_FORMAT"}, {SQLITE_RANGE, "SQLITE_RANGE"}, {SQLITE_NOTADB, "SQLITE_NOTADB"},
    {SQLITE_CONSTRAINT_CHECK, "SQLITE_CONSTRAINT_CHECK"}, {SQLITE_CONSTRAINT_FOREIGNKEY, "SQLITE_CONSTRAINT_FOREIGNKEY"},
    {SQLITE_CONSTRAINT_NOTNULL, "SQLITE_CONSTRAINT_NOTNULL"}, {SQLITE_CONSTRAINT_PRIMARYKEY, "SQLITE_CONSTRAINT_PRIMARYKEY"},
    {SQLITE_CONSTRAINT_TRIGGER, "SQLITE_CONSTRAINT_TRIGGER"}, {SQLITE_CONSTRAINT_UNIQUE, "SQLITE_CONSTRAINT_UNIQUE"},
    {SQLITE_CONSTRAINT_ROWID, "SQLITE_CONSTRAINT_ROWID"}, {SQLITE_READONLY_DBMOVED, "SQLITE_READONLY_DBMOVED"},
    {SQLITE_CANTOPEN_ISDIR, "SQLITE_CANTOPEN_ISDIR"}, {SQLITE_IOERR_SHORT_READ, "SQLITE_IOERR_SHORT_READ"}};

// The DB-API class for a primary result code (CPython's _pysqlite_seterror).
ErrorClass class_for(int primary) {
  switch (primary) {
    case SQLITE_INTERNAL: case SQLITE_NOTFOUND: return kInternalError;
    case SQLITE_ERROR: case SQLITE_PERM: case SQLITE_ABORT: case SQLITE_BUSY: case SQLITE_LOCKED:
    case SQLITE_READONLY: case SQLITE_INTERRUPT: case SQLITE_IOERR: case SQLITE_FULL: case SQLITE_CANTOPEN:
    case SQLITE_PROTOCOL: case SQLITE_EMPTY: case SQLITE_SCHEMA:
      return kOperationalError;
    case SQLITE_CORRUPT: return kDatabaseError;
    case SQLITE_TOOBIG: return kDataError;
    case SQLITE_CONSTRAINT: case SQLITE_MISMATCH: return kIntegrityError;
    case SQLITE_MISUSE: case SQLITE_RANGE: return kInterfaceError;
    default: return kDatabaseError;
  }
}

}  // namespace

ConnectionObject* as_connection(Value v) { return static_cast<ConnectionObject*>(v.as_object()); }

Value raise_sqlite_error(ThreadState& ts, sqlite3* db) {
  int code = sqlite3_extended_errcode(db);
  if ((code & 0xFF) == SQLITE_NOMEM) return raise(ts, MemoryError_type, "");
  const char* name = "unknown";
  for (const auto& [c, n] : kErrorNames)
    if (c == code) name = n;
  Value message(make_str(ts, sqlite3_errmsg(db)));
  Value error = new_exception(ts, as_type(error_classes[class_for(code & 0xFF)]), std::span<const Value>(&message, 1));
  if (!error || !set_attr(ts, error, intern(ts, "sqlite_errorcode"), make_int(ts, code)) ||
      !set_attr(ts, error, intern(ts, "sqlite_errorname"), make_str(ts, name)))
    return Value();
  return raise_value(ts, error);
}

Value raise_error(ThreadState& ts, ErrorClass cls, std::string_view message) {
  return raise(ts, *as_type(error_classes[cls]), message);
}

sqlite3* open_db(ThreadState& ts, ConnectionObject* connection) {
  if (!connection->db) raise_error(ts, kProgrammingError, "Cannot operate on a closed database.");
  return connection->db;
}

bool exec_simple(ThreadState& ts, ConnectionObject* connection, const char* sql) {
  sqlite3* db = open_db(ts, connection);
  if (!db) return false;
  if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) return raise_sqlite_error(ts, db), false;
  return true;
}

namespace {

// isolation_level: None (autocommit) or one of the BEGIN kinds, as CPython checks it.
[[nodiscard]] bool check_isolation_level(ThreadState& ts, Value v, Value* out) {
  if (is_none(v)) {
    *out = Value();
    return true;
  }
  if (!is_str(v)) return raise(ts, TypeError_type, "isolation_level must be str or None"), false;
  std::string upper(as_str(v)->view());
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (upper != "" && upper != "DEFERRED" && upper != "IMMEDIATE" && upper != "EXCLUSIVE")
    return raise(ts, ValueError_type, "isolation_level string must be '', 'DEFERRED', 'IMMEDIATE', or 'EXCLUSIVE'"),
           false;
  *out = v;
  return true;
}

void trace_connection(Object* self, Tracer& tracer) {
  auto* c = static_cast<ConnectionObject*>(self);
  tracer.visit(c->isolation_level);
  tracer.visit(c->row_factory);
  tracer.visit(c->text_factory);
  tracer.visit(c->functions);
}

void finalize_connection(Object* self) {
  auto* c = static_cast<ConnectionObject*>(self);
  if (c->db) sqlite3_close_v2(c->db);  // statements still held by cursors keep it as a zombie until finalized
  c->db = nullptr;
}

// Connection(database, timeout=5.0, detect_types=0, isolation_level='', check_same_thread=True, factory=...,
// cached_statements=128, uri=False)
Value new_connection(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  Value v[8];
  if (!native::parse_args(ts, "Connection", args, kwnames,
                          {"database", "timeout", "detect_types", "isolation_level", "check_same_thread", "factory",
                           "cached_statements", "uri"},
                          1, 0, v))
    return Value();
  Value path = v[0];
  if (!is_str(path) && !(path.is_object() && is_subtype(type_of(path), &bytes_type))) {
    Value fspath = get_attr_optional(ts, path, intern(ts, "__fspath__"));
    if (!fspath) {
      if (ts.current_exception) return Value();
      return raise_fmt(ts, TypeError_type, "expected str, bytes or os.PathLike object, not {}", type_of(path)->c_name);
    }
    path = call(ts, fspath, {});
    if (!path) return Value();
  }
  std::string filename;
  if (is_str(path)) {
    filename = as_str(path)->view();
  } else {
    std::string_view bytes;
    if (!native::bytes_like(ts, path, &bytes)) return Value();
    filename = bytes;
  }
  if (filename.find('\0') != std::string::npos) return raise(ts, ValueError_type, "embedded null byte");
  double timeout = 5.0;
  int64_t detect_types = 0;
  if ((v[1] && !native::as_double(ts, v[1], &timeout)) || (v[2] && !index_to_int64(ts, v[2], &detect_types)))
    return Value();
  Value isolation = Value(make_str(ts, ""));
  if (v[3] && !check_isolation_level(ts, v[3], &isolation)) return Value();
  int uri = 0;
  if (v[7] && (uri = py_truth(ts, v[7])) < 0) return Value();
  auto* c = alloc_instance<ConnectionObject>(ts, type);
  c->isolation_level = isolation;
  c->row_factory = None();
  c->text_factory = Value(&str_type);
  c->detect_types = detect_types;
  c->functions = Value(make_list(ts, 0));
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | (uri ? SQLITE_OPEN_URI : 0);
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(filename.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Value error = db ? raise_sqlite_error(ts, db) : raise(ts, MemoryError_type, "");
    if (db) sqlite3_close_v2(db);
    return error;
  }
  c->db = db;
  sqlite3_busy_timeout(db, static_cast<int>(timeout * 1000));
  return Value(c);
}

ConnectionObject* self_connection(Value self) { return as_connection(self); }

// cursor(factory=Cursor)
NATIVE_FN(connection_cursor) {
  Value v[1];
  if (!native::parse_args(ts, "cursor", args, kwnames, {"factory"}, 0, 0, v)) return Value();
  if (!open_db(ts, self_connection(self))) return Value();
  if (!v[0]) return new_cursor(ts, &cursor_type, self);
  Value arg = self;
  Value cursor = call(ts, v[0], std::span<const Value>(&arg, 1));
  if (!cursor) return Value();
  if (!is_subtype(type_of(cursor), &cursor_type)) return raise(ts, TypeError_type, "factory must return a cursor, not " + std::string(type_of(cursor)->c_name));
  auto* cur = static_cast<CursorObject*>(cursor.as_object());
  if (!is_none(self_connection(self)->row_factory)) cur->row_factory = self_connection(self)->row_factory;
  return cursor;
}

// execute(sql, parameters=(), /), executemany(sql, parameters, /), executescript(sql_script, /): a new cursor's.
NATIVE_FN(connection_execute) {
  Value v[2];
  if (!check_positional_args(ts, "execute", args, kwnames, 1, 2)) return Value();
  for (size_t i = 0; i < 2; i++) v[i] = i < args.size() ? args[i] : Value();
  if (!open_db(ts, self_connection(self))) return Value();
  Value cursor = new_cursor(ts, &cursor_type, self);
  return cursor_execute(ts, cursor, v[0], v[1], false);
}
NATIVE_FN(connection_executemany) {
  Value v[2];
  if (!check_positional_args(ts, "executemany", args, kwnames, 2, 2)) return Value();
  for (size_t i = 0; i < 2; i++) v[i] = i < args.size() ? args[i] : Value();
  if (!open_db(ts, self_connection(self))) return Value();
  Value cursor = new_cursor(ts, &cursor_type, self);
  return cursor_execute(ts, cursor, v[0], v[1], true);
}
NATIVE_FN(connection_executescript) {
  Value v[1];
  if (!check_positional_args(ts, "executescript", args, kwnames, 1, 1)) return Value();
  for (size_t i = 0; i < 1; i++) v[i] = i < args.size() ? args[i] : Value();
  if (!open_db(ts, self_connection(self))) return Value();
  Value cursor = new_cursor(ts, &cursor_type, self);
  return cursor_executescript(ts, cursor, v[0]);
}

// commit() / rollback(): only when a transaction is open.
template <bool Commit>
NATIVE_FN(connection_finish) {
  if (!native::no_args(ts, Commit ? "Connection.commit" : "Connection.rollback", args, kwnames)) return Value();
  sqlite3* db = open_db(ts, self_connection(self));
  if (!db) return Value();
  if (!sqlite3_get_autocommit(db) && !exec_simple(ts, self_connection(self), Commit ? "COMMIT" : "ROLLBACK"))
    return Value();
  return None();
}

NATIVE_FN(connection_close) {
  if (!native::no_args(ts, "Connection.close", args, kwnames)) return Value();
  ConnectionObject* c = self_connection(self);
  if (c->db) {
    int rc = sqlite3_close_v2(c->db);
    if (rc != SQLITE_OK) return raise_sqlite_error(ts, c->db);
    c->db = nullptr;
  }
  return None();
}

NATIVE_FN(connection_enter) {
  if (!native::no_args(ts, "Connection.__enter__", args, kwnames)) return Value();
  if (!open_db(ts, self_connection(self))) return Value();
  return self;
}

// __exit__(type, value, traceback, /): commit when the block succeeded, roll back when it raised; never
// swallows the exception.
NATIVE_FN(connection_exit) {
  Value v[3];
  if (!native::parse_args(ts, "__exit__", args, kwnames, {"", "", ""}, 3, 3, v)) return Value();
  sqlite3* db = open_db(ts, self_connection(self));
  if (!db) return Value();
  bool commit = is_none(v[0]);
  if (!sqlite3_get_autocommit(db) && !exec_simple(ts, self_connection(self), commit ? "COMMIT" : "ROLLBACK")) {
    if (commit) return Value();
    ts.current_exception = Value();  // the block's own exception is the one that propagates
  }
  return False();
}

// The SQL functions of create_function: arguments to Python, the result back to SQLite.
Value sqlite_value_to_python(ThreadState& ts, sqlite3_value* value) {
  switch (sqlite3_value_type(value)) {
    case SQLITE_INTEGER: return make_int(ts, sqlite3_value_int64(value));
    case SQLITE_FLOAT: return make_float(ts, sqlite3_value_double(value));
    case SQLITE_TEXT: {
      std::string_view text(reinterpret_cast<const char*>(sqlite3_value_text(value)),
                            static_cast<size_t>(sqlite3_value_bytes(value)));
      if (!utf8_valid(text)) return raise(ts, UnicodeDecodeError_type, "invalid UTF-8 text");
      return Value(make_str(ts, text));
    }
    case SQLITE_BLOB:
      return make_bytes(ts, std::string_view(static_cast<const char*>(sqlite3_value_blob(value)),
                                             static_cast<size_t>(sqlite3_value_bytes(value))));
    default: return None();
  }
}

void call_user_function(sqlite3_context* context, int argc, sqlite3_value** argv) {
  ThreadState& ts = *g_ts;
  Value func(static_cast<Object*>(sqlite3_user_data(context)));
  bool ok = true;
  try {
    ListObject* args = make_list(ts, 0);
    for (int i = 0; ok && i < argc; i++) {
      Value arg = sqlite_value_to_python(ts, argv[i]);
      ok = arg && list_append(ts, args, arg);
    }
    Value result = ok ? call(ts, func, args->span()) : Value();
    ok = bool(result);
    if (ok) {
      if (is_none(result)) {
        sqlite3_result_null(context);
      } else if (is_int(result)) {
        int64_t n;
        if (!int_to_int64(result, &n)) ok = false, (void)raise(ts, OverflowError_type, "Python int too large to convert to SQLite INTEGER");
        else sqlite3_result_int64(context, n);
      } else if (is_float(result)) {
        sqlite3_result_double(context, float_value(result));
      } else if (is_str(result)) {
        std::string_view text = as_str(result)->view();
        sqlite3_result_text64(context, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
      } else {
        std::string_view bytes;
        if (native::bytes_like(ts, result, &bytes)) sqlite3_result_blob64(context, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
        else ok = false;
      }
    }
  } catch (const std::bad_alloc&) {
    ok = false;
  }
  if (!ok) {
    // As CPython without enable_callback_tracebacks: the Python exception is dropped, SQLite reports the failure.
    ts.current_exception = Value();
    sqlite3_result_error(context, "user-defined function raised exception", -1);
  }
}

// create_function(name, narg, func, *, deterministic=False)
NATIVE_FN(connection_create_function) {
  Value v[4];
  if (!native::parse_args(ts, "create_function", args, kwnames, {"name", "narg", "func", "deterministic"}, 3, 0, v, 3))
    return Value();
  if (!is_str(v[0]))
    return raise_fmt(ts, TypeError_type, "create_function() argument 'name' must be str, not {}", type_of(v[0])->c_name);
  int64_t narg;
  if (!index_to_int64(ts, v[1], &narg)) return Value();
  int deterministic = 0;
  if (v[3] && (deterministic = py_truth(ts, v[3])) < 0) return Value();
  ConnectionObject* c = self_connection(self);
  sqlite3* db = open_db(ts, c);
  if (!db) return Value();
  int flags = SQLITE_UTF8 | (deterministic ? SQLITE_DETERMINISTIC : 0);
  bool remove = is_none(v[2]);
  int rc = sqlite3_create_function_v2(db, as_str(v[0])->data, static_cast<int>(narg), flags,
                                      remove ? nullptr : v[2].as_object(), remove ? nullptr : call_user_function,
                                      nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return raise_error(ts, kOperationalError, "Error creating function");
  if (!remove && !list_append(ts, static_cast<ListObject*>(c->functions.as_object()), v[2])) return Value();
  return None();
}

NATIVE_FN(get_isolation_level) {
  Value level = as_connection(args[0])->isolation_level;
  return level ? level : None();
}
NATIVE_FN(set_isolation_level) {
  if (args.size() < 2) return raise(ts, AttributeError_type, "cannot delete attribute");
  ConnectionObject* c = as_connection(args[0]);
  Value level;
  if (!check_isolation_level(ts, args[1], &level)) return Value();
  // Autocommit from now on: an open transaction is committed first, as CPython does.
  if (!level && c->db && !sqlite3_get_autocommit(c->db) && !exec_simple(ts, c, "COMMIT")) return Value();
  c->isolation_level = level;
  return None();
}
NATIVE_FN(get_in_transaction) {
  sqlite3* db = open_db(ts, as_connection(args[0]));
  return db ? Bool(!sqlite3_get_autocommit(db)) : Value();
}
NATIVE_FN(get_total_changes) {
  sqlite3* db = open_db(ts, as_connection(args[0]));
  return db ? make_int(ts, sqlite3_total_changes64(db)) : Value();
}
template <Value ConnectionObject::*Field>
NATIVE_FN(get_field) {
  return as_connection(args[0])->*Field;
}
template <Value ConnectionObject::*Field>
NATIVE_FN(set_field) {
  if (args.size() < 2) return raise(ts, AttributeError_type, "cannot delete attribute");
  as_connection(args[0])->*Field = args[1];
  return None();
}

const MethodDef kConnectionMethods[] = {
    {"cursor", connection_cursor},           {"execute", connection_execute},
    {"executemany", connection_executemany}, {"executescript", connection_executescript},
    {"commit", connection_finish<true>},     {"rollback", connection_finish<false>},
    {"close", connection_close},             {"create_function", connection_create_function},
    {"__enter__", connection_enter},         {"__exit__", connection_exit}};
const std::pair<MethodDef, MethodDef> kConnectionSettable[] = {
    {{"isolation_level", get_isolation_level}, {"isolation_level", set_isolation_level}},
    {{"row_factory", get_field<&ConnectionObject::row_factory>}, {"row_factory", set_field<&ConnectionObject::row_factory>}},
    {{"text_factory", get_field<&ConnectionObject::text_factory>},
     {"text_factory", set_field<&ConnectionObject::text_factory>}}};
const MethodDef kConnectionReadOnly[] = {{"in_transaction", get_in_transaction},
                                         {"total_changes", get_total_changes}};

// ---- module functions --------------------------------------------------------------------------------------------

// connect(database, ..., factory=Connection, ...): factory(*args, **kwargs).
NATIVE_FN(sqlite_connect) {
  Value factory(&connection_type);
  size_t positional = positional_count(args, kwnames);
  if (positional > 5) factory = args[5];
  if (kwnames)
    for (int64_t i = 0; i < kwnames->size; i++)
      if (as_str(kwnames->items[i])->view() == "factory") factory = args[positional + static_cast<size_t>(i)];
  return call(ts, factory, args, kwnames);
}

// register_adapter(type, adapter, /) and register_converter(typename, converter, /)
NATIVE_FN(sqlite_register_adapter) {
  Value v[2];
  if (!native::parse_args(ts, "register_adapter", args, kwnames, {"", ""}, 2, 2, v)) return Value();
  Value key_items[2] = {v[0], prepare_protocol_type};
  if (!dict_set(ts, static_cast<DictObject*>(adapters.as_object()), Value(make_tuple(ts, key_items)), v[1]))
    return Value();
  return None();
}
NATIVE_FN(sqlite_register_converter) {
  Value v[2];
  if (!native::parse_args(ts, "register_converter", args, kwnames, {"", ""}, 2, 2, v)) return Value();
  if (!is_str(v[0]))
    return raise_fmt(ts, TypeError_type, "register_converter() argument 1 must be str, not {}", type_of(v[0])->c_name);
  Value upper = call_method(ts, v[0], intern(ts, "upper"), {});
  if (!upper || !dict_set(ts, static_cast<DictObject*>(converters.as_object()), upper, v[1])) return Value();
  return None();
}

// adapt(obj, proto=PrepareProtocol, alt=<not given>, /): the registered adapter's result, obj.__conform__(proto),
// alt, or ProgrammingError "can't adapt".
NATIVE_FN(sqlite_adapt) {
  Value v[3];
  if (!native::parse_args(ts, "adapt", args, kwnames, {"", "", ""}, 1, 3, v)) return Value();
  return adapt_object(ts, v[0], v[1] ? v[1] : prepare_protocol_type, v[2]);
}

NATIVE_FN(sqlite_complete_statement) {
  Value v[1];
  if (!native::parse_args(ts, "complete_statement", args, kwnames, {"statement"}, 1, 0, v)) return Value();
  if (!is_str(v[0]))
    return raise_fmt(ts, TypeError_type, "complete_statement() argument 'statement' must be str, not {}",
                     type_of(v[0])->c_name);
  return Bool(sqlite3_complete(as_str(v[0])->data));
}

NATIVE_FN(sqlite_enable_callback_tracebacks) {
  Value v[1];
  if (!native::parse_args(ts, "enable_callback_tracebacks", args, kwnames, {""}, 1, 1, v)) return Value();
  return None();
}

const MethodDef kFunctions[] = {{"connect", sqlite_connect},
                                {"register_adapter", sqlite_register_adapter},
                                {"register_converter", sqlite_register_converter},
                                {"adapt", sqlite_adapt},
                                {"complete_statement", sqlite_complete_statement},
                                {"enable_callback_tracebacks", sqlite_enable_callback_tracebacks}};

// The exception classes, also reachable as Connection.Error and the rest (CPython's getters).
template <int Index>
NATIVE_FN(get_error_class) {
  return error_classes[Index];
}
template <size_t... I>
void add_error_getters(ThreadState& ts, std::index_sequence<I...>) {
  static const MethodDef defs[] = {{kErrorClassNames[I], get_error_class<static_cast<int>(I)>}...};
  for (const MethodDef& def : defs) add_native_property(ts, connection_type, &def, nullptr);
}

void ready(ThreadState& ts) {
  if (native::native_type_ready(connection_type)) return;
  g_ts = &ts;
  // Warning and Error derive from Exception; the rest from Error or DatabaseError (PEP 249).
  const ErrorClass bases[kErrorClassCount] = {kErrorClassCount, kErrorClassCount, kError, kError, kDatabaseError,
                                              kDatabaseError, kDatabaseError, kDatabaseError, kDatabaseError,
                                              kDatabaseError};
  for (int i = 0; i < kErrorClassCount; i++) {
    Type* base = bases[i] == kErrorClassCount ? &Exception_type : as_type(error_classes[bases[i]]);
    error_classes[i] = native::new_exception_class(ts, "sqlite3", kErrorClassNames[i], base);
    register_root(ts, &error_classes[i]);
  }
  native::init_native_type(ts, connection_type, "Connection", "sqlite3", sizeof(ConnectionObject), true);
  connection_type.new_instance = new_connection;
  connection_type.trace = trace_connection;
  connection_type.finalize = finalize_connection;
  add_methods(ts, connection_type, kConnectionMethods);
  for (const auto& [getter, setter] : kConnectionSettable) add_native_property(ts, connection_type, &getter, &setter);
  for (const MethodDef& getter : kConnectionReadOnly) add_native_property(ts, connection_type, &getter, nullptr);
  add_error_getters(ts, std::make_index_sequence<kErrorClassCount>());
  native::complete_native_type(ts, connection_type);
  allow_weak_references(connection_type);
  add_native_new(ts, connection_type);  // connection.__new__(Subclass, ...) works, as CPython's
  init_cursor_types(ts);
  adapters = Value(make_dict(ts));
  register_root(ts, &adapters);
  converters = Value(make_dict(ts));
  register_root(ts, &converters);
}

}  // namespace

}  // namespace minipy::sqlite

namespace minipy {

ModuleObject* create_sqlite3_module(ThreadState& ts) {
  using namespace sqlite;
  ready(ts);
  ModuleObject* m = make_module(ts, "_sqlite3");
  add_module_functions(ts, m, kFunctions);
  for (int i = 0; i < kErrorClassCount; i++) add_module_value(ts, m, kErrorClassNames[i], error_classes[i]);
  add_module_value(ts, m, "Connection", Value(&connection_type));
  add_module_value(ts, m, "Cursor", Value(&cursor_type));
  add_module_value(ts, m, "Row", Value(&row_type));
  add_module_value(ts, m, "PrepareProtocol", prepare_protocol_type);
  add_module_value(ts, m, "adapters", adapters);
  add_module_value(ts, m, "converters", converters);
  add_module_value(ts, m, "version", make_str(ts, "2.6.0"));
  add_module_value(ts, m, "sqlite_version", make_str(ts, sqlite3_libversion()));
  const std::pair<const char*, int> constants[] = {{"PARSE_DECLTYPES", 1}, {"PARSE_COLNAMES", 2},
                                                   {"SQLITE_OK", SQLITE_OK}, {"SQLITE_DENY", SQLITE_DENY},
                                                   {"SQLITE_IGNORE", SQLITE_IGNORE}};
  for (const auto& [name, value] : constants) add_module_value(ts, m, name, make_int(ts, value));
  return m;
}

}  // namespace minipy
