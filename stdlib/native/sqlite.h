// What the two halves of the native _sqlite3 module share: sqlite.cpp is the module, the exceptions and
// sqlite3.Connection; sqlite_cursor.cpp is sqlite3.Cursor, sqlite3.Row, parameter binding and result conversion.
#pragma once
#include <sqlite3.h>

#include "vm/runtime.h"

namespace minipy::sqlite {

// sqlite3.Connection. `db` is null once closed (sqlite3_close_v2 lets cursors finalize their statements later).
struct ConnectionObject : Object {
  sqlite3* db;
  Value isolation_level;  // a str ("" or DEFERRED/IMMEDIATE/EXCLUSIVE), or null for autocommit (None)
  Value row_factory;      // None or a callable
  Value text_factory;     // str, bytes or a callable
  int64_t detect_types;   // PARSE_DECLTYPES | PARSE_COLNAMES
  Value functions;        // a list keeping create_function's callables alive
};

// sqlite3.Cursor. `stmt` is the statement being read (null when none); `has_row`: it stands on a row not fetched.
struct CursorObject : Object {
  Value connection;
  sqlite3_stmt* stmt;
  Value description;  // None or a tuple of 7-tuples
  Value row_factory;
  Value lastrowid;
  int64_t rowcount;
  int64_t arraysize;
  bool has_row;
  bool closed;
  bool locked;  // executing or fetching: Python code it runs (adapters, converters, factories) may not reenter
};

// The module's exception classes, by DB-API name.
enum ErrorClass { kWarning, kError, kInterfaceError, kDatabaseError, kDataError, kOperationalError, kIntegrityError,
                  kInternalError, kProgrammingError, kNotSupportedError, kErrorClassCount };
extern Value error_classes[kErrorClassCount];
extern const char* const kErrorClassNames[kErrorClassCount];
extern Type connection_type;
extern Type cursor_type;
extern Type row_type;
extern Value adapters;    // sqlite3.adapters: {(type, PrepareProtocol): adapter}
extern Value converters;  // sqlite3.converters: {NAME: converter}
extern Value prepare_protocol_type;

ConnectionObject* as_connection(Value v);
// The exception for SQLite's last error on `db` (its class from the result code, sqlite_errorcode and
// sqlite_errorname set); always null.
Value raise_sqlite_error(ThreadState& ts, sqlite3* db);
// Raises `cls` with `message`; null.
Value raise_error(ThreadState& ts, ErrorClass cls, std::string_view message);
// The open database of `connection`, or null with "Cannot operate on a closed database."
sqlite3* open_db(ThreadState& ts, ConnectionObject* connection);
// Runs `sql` (no results) on the connection: BEGIN, COMMIT, ROLLBACK.
[[nodiscard]] bool exec_simple(ThreadState& ts, ConnectionObject* connection, const char* sql);
// A new cursor of `type` (Cursor or a subclass) on `connection`, its row_factory taken from the connection.
Value new_cursor(ThreadState& ts, Type* type, Value connection);
// Cursor.execute / executemany / executescript for Connection's shortcuts.
Value cursor_execute(ThreadState& ts, Value cursor, Value sql, Value parameters, bool many);
Value cursor_executescript(ThreadState& ts, Value cursor, Value script);
void init_cursor_types(ThreadState& ts);
// A Python value for column `i` of the current row of `stmt` (text through `text_factory`).
Value column_value(ThreadState& ts, sqlite3_stmt* stmt, int i, Value text_factory);
// CPython's microprotocols adapt: the adapter registered for (type(obj), proto), else obj.__conform__(proto) when
// that gives something other than None, else `alt`; without `alt`, ProgrammingError "can't adapt".
Value adapt_object(ThreadState& ts, Value obj, Value proto, Value alt);
// Binds Python value `v` to parameter `index` of `stmt`: SQLITE_OK, or another code (no exception) for a type
// SQLite cannot take, or -1 with an exception pending.
int bind_value(ThreadState& ts, sqlite3_stmt* stmt, int index, Value v);

}  // namespace minipy::sqlite
