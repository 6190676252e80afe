// The native `_csv` module (CPython's Modules/_csv.c, 3.11 semantics): Dialect (validated, read-only
// formatting parameters), reader (a character state machine over the lines an iterable yields; NUL is an
// ordinary character since 3.11), writer (quoting decided per field by the dialect), the dialect registry,
// field_size_limit and _csv.Error. Lib's csv.py builds DictReader, DictWriter and Sniffer on top.
// Complete for 3.11's documented behaviour; error messages are CPython's.
#include <string>

#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"
#include "vm/objects/complex.h"
#include "vm/text/unicode.h"

namespace minipy {

namespace {

enum Quoting { kQuoteMinimal = 0, kQuoteAll = 1, kQuoteNonNumeric = 2, kQuoteNone = 3 };
constexpr int32_t kNotSet = -1;  // an absent quotechar or escapechar
constexpr int32_t kEndOfLine = -2;  // fed to the reader's state machine after each line's characters

Type dialect_type;
Type reader_type;
Type writer_type;
Value csv_error;          // _csv.Error
Value dialect_registry;   // name -> Dialect
int64_t field_limit = 128 * 1024;

struct DialectObject : Object {
  Value lineterminator;  // a str
  int32_t delimiter;
  int32_t quotechar;     // kNotSet for None
  int32_t escapechar;    // kNotSet for None
  int32_t quoting;
  bool doublequote;
  bool skipinitialspace;
  bool strict;
};

// _csv.c's parser states: between records; at a field's start; after an escapechar outside quotes; inside an
// unquoted field; inside a quoted field; after an escapechar inside quotes; after a quote inside a quoted
// field (a doubled quote or the field's end); after a record's \r or \n, which must end the line; after an
// escaped line break, where the line's end continues the field.
enum class ParseState {
  kStartRecord, kStartField, kEscapedChar, kInField, kInQuotedField, kEscapeInQuotedField,
  kQuoteInQuotedField, kEatCrNl, kAfterEscapedCrNl,
};

struct ReaderObject : Object {
  Value input;            // the iterator of lines
  Value dialect;
  Value fields;           // the record being built (a list), null between records
  std::string* field;     // the field being built, UTF-8 (owned)
  int64_t field_len;      // in characters, for field_size_limit
  int64_t line_num;
  ParseState state;
  bool numeric_field;     // QUOTE_NONNUMERIC: the field was unquoted, so it becomes a float
};

struct WriterObject : Object {
  Value write;            // the file's bound write method
  Value dialect;
};

DictObject* registry() { return static_cast<DictObject*>(dialect_registry.as_object()); }
DialectObject* as_dialect(Value v) { return static_cast<DialectObject*>(v.as_object()); }
ReaderObject* as_reader(Value v) { return static_cast<ReaderObject*>(v.as_object()); }
WriterObject* as_writer(Value v) { return static_cast<WriterObject*>(v.as_object()); }

Value raise_csv_error(ThreadState& ts, const std::string& message) {
  Value text(make_str(ts, message));
  Value exc = call(ts, csv_error, {&text, 1});
  return exc ? raise_value(ts, exc) : exc;
}

// ---- Dialect --------------------------------------------------------------------------------------------------

constexpr const char* kDialectParams[] = {"dialect",   "delimiter", "doublequote",      "escapechar", "lineterminator",
                                          "quotechar", "quoting",   "skipinitialspace", "strict"};
constexpr size_t kParamCount = std::size(kDialectParams);

// A one-character parameter: delimiter (never None), quotechar and escapechar (None allowed).
bool set_char(ThreadState& ts, const char* name, Value src, int32_t fallback, bool allow_none, int32_t* out) {
  if (!src) return *out = fallback, true;
  if (allow_none && is_none(src)) return *out = kNotSet, true;
  if (!is_str(src)) {
    raise_fmt(ts, TypeError_type, "\"{}\" must be string{}, not {}", name, allow_none ? " or None" : "",
              type_name(src));
    return false;
  }
  StrObject* s = as_str(src);
  if (s->length != 1) return raise_fmt(ts, TypeError_type, "\"{}\" must be a 1-character string", name), false;
  size_t pos = 0;
  *out = static_cast<int32_t>(text::next_code_point(s->view(), &pos));
  return true;
}

bool set_bool(ThreadState& ts, Value src, bool fallback, bool* out) {
  if (!src) return *out = fallback, true;
  int truth = py_truth(ts, src);
  if (truth < 0) return false;
  *out = truth != 0;
  return true;
}

// Dialect(dialect=None, **fmtparams): each parameter from the keywords, else from the `dialect` object (a
// registered name, a Dialect, or any object with the attributes), else the excel default; then validated.
Value make_dialect(ThreadState& ts, Value dialect, std::span<const Value> given) {
  if (dialect && is_str(dialect)) {
    dialect = dict_get(ts, registry(), dialect);
    if (!dialect) return ts.current_exception ? Value() : raise_csv_error(ts, "unknown dialect");
  }
  bool any_keyword = false;
  for (size_t i = 1; i < kParamCount; i++) any_keyword = any_keyword || given[i];
  // Dialects are immutable, so an exact Dialect with no keyword overriding it is reused as is (_csv.c's "Can we reuse
  // this instance?").
  if (dialect && type_of(dialect) == &dialect_type && !any_keyword) return dialect;

  Value params[kParamCount];
  for (size_t i = 1; i < kParamCount; i++) {
    params[i] = given[i];
    if (params[i] || !dialect || is_none(dialect)) continue;
    params[i] = get_attr_optional(ts, dialect, intern(ts, kDialectParams[i]));
    if (!params[i] && ts.current_exception) return Value();
  }
  // The parameters are converted in _csv.c's order (delimiter, doublequote, escapechar, lineterminator, quotechar,
  // quoting, ...), so that with several bad ones the same error is reported first; the cross-checks between parameters
  // come last, as in CPython.
  auto* d = alloc_instance<DialectObject>(ts, &dialect_type);
  Value result(d);
  Value quoting = params[6];
  if (!set_char(ts, "delimiter", params[1], ',', false, &d->delimiter) ||
      !set_bool(ts, params[2], true, &d->doublequote) ||
      !set_char(ts, "escapechar", params[3], kNotSet, true, &d->escapechar))
    return Value();
  Value terminator = params[4];
  if (terminator && !is_none(terminator) && !is_str(terminator))
    return raise(ts, TypeError_type, "\"lineterminator\" must be a string");
  // An explicit None is stored here and refused only at the end ("lineterminator must be set"), after the quotechar
  // check, which is the order CPython reports them in.
  d->lineterminator = !terminator ? Value(make_str(ts, "\r\n")) : terminator;
  if (!set_char(ts, "quotechar", params[5], '"', true, &d->quotechar)) return Value();
  d->quoting = kQuoteMinimal;
  if (quoting) {
    if (!is_int(quoting)) return raise(ts, TypeError_type, "\"quoting\" must be an integer");
    int64_t q;
    if (!index_to_int64(ts, quoting, &q)) return Value();
    if (q < kQuoteMinimal || q > kQuoteNone) return raise(ts, TypeError_type, "bad \"quoting\" value");
    d->quoting = static_cast<int32_t>(q);
  } else if (params[5] && is_none(params[5])) {
    d->quoting = kQuoteNone;  // quotechar=None alone turns quoting off
  }
  if (!set_bool(ts, params[7], false, &d->skipinitialspace) || !set_bool(ts, params[8], false, &d->strict))
    return Value();
  if (d->quotechar == kNotSet && d->quoting != kQuoteNone)
    return raise(ts, TypeError_type, "quotechar must be set if quoting enabled");
  if (is_none(d->lineterminator)) return raise(ts, TypeError_type, "lineterminator must be set");
  return result;
}

// Binds the keyword arguments (the formatting parameters, named by `kwnames`, after `npos` positional ones)
// into `given`, indexed as kDialectParams; TypeError for a name that is none of them.
bool bind_dialect_keywords(ThreadState& ts, std::span<const Value> args, TupleObject* kwnames, size_t npos,
                           Value* given) {
  for (int64_t k = 0; kwnames && k < kwnames->size; k++) {
    std::string_view key = as_str(kwnames->items[k])->view();
    size_t i = 0;
    while (i < kParamCount && key != kDialectParams[i]) i++;
    if (i == kParamCount) {
      raise_fmt(ts, TypeError_type, "'{}' is an invalid keyword argument for this function", key);
      return false;
    }
    given[i] = args[npos + static_cast<size_t>(k)];
  }
  return true;
}

// Binds (dialect, **fmtparams) of reader(), writer(), register_dialect() and Dialect() from `args` after the
// `skip` leading positional arguments, and builds the dialect.
Value dialect_from_args(ThreadState& ts, const char* fn, std::span<const Value> args, TupleObject* kwnames,
                        size_t skip) {
  Value given[kParamCount];
  size_t npos = positional_count(args, kwnames);
  if (npos > skip + 1)
    return raise_fmt(ts, TypeError_type, "{}() takes at most {} positional arguments ({} given)", fn, skip + 1, npos);
  if (npos > skip) given[0] = args[skip];
  if (!bind_dialect_keywords(ts, args, kwnames, npos, given)) return Value();
  // The default dialect is the registered "excel" (csv.py registers it); before that, the defaults are excel's.
  Value dialect = given[0] ? given[0] : dict_get(ts, registry(), Value(intern(ts, "excel")));
  if (!dialect && ts.current_exception) return Value();
  return make_dialect(ts, dialect, given);
}

Value dialect_new(ThreadState& ts, Type*, std::span<const Value> args, TupleObject* kwnames) {
  Value given[kParamCount];
  size_t npos = positional_count(args, kwnames);
  if (npos > 1) return raise_fmt(ts, TypeError_type, "Dialect() takes at most 1 positional argument ({} given)", npos);
  if (npos == 1) given[0] = args[0];
  if (!bind_dialect_keywords(ts, args, kwnames, npos, given)) return Value();
  return make_dialect(ts, given[0], given);
}

void trace_dialect(Object* self, Tracer& tracer) { tracer.visit(static_cast<DialectObject*>(self)->lineterminator); }

Value char_or_none(ThreadState& ts, int32_t c) {
  if (c == kNotSet) return None();
  std::string s;
  text::append_utf8(s, static_cast<char32_t>(c));
  return Value(make_str(ts, s));
}

#define GETTER(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject*)
GETTER(get_delimiter) { return (void)args, char_or_none(ts, as_dialect(args.empty() ? self : args[0])->delimiter); }
GETTER(get_quotechar) { return (void)args, char_or_none(ts, as_dialect(args.empty() ? self : args[0])->quotechar); }
GETTER(get_escapechar) { return (void)args, char_or_none(ts, as_dialect(args.empty() ? self : args[0])->escapechar); }
GETTER(get_lineterminator) { return (void)ts, as_dialect(args.empty() ? self : args[0])->lineterminator; }
GETTER(get_quoting) { return (void)ts, Value::small_int(as_dialect(args.empty() ? self : args[0])->quoting); }
GETTER(get_doublequote) { return (void)ts, Bool(as_dialect(args.empty() ? self : args[0])->doublequote); }
GETTER(get_skipinitialspace) { return (void)ts, Bool(as_dialect(args.empty() ? self : args[0])->skipinitialspace); }
GETTER(get_strict) { return (void)ts, Bool(as_dialect(args.empty() ? self : args[0])->strict); }

const MethodDef kDialectGetters[] = {
    {"delimiter", get_delimiter},   {"quotechar", get_quotechar},         {"escapechar", get_escapechar},
    {"lineterminator", get_lineterminator}, {"quoting", get_quoting},     {"doublequote", get_doublequote},
    {"skipinitialspace", get_skipinitialspace}, {"strict", get_strict},
};

// ---- reader ---------------------------------------------------------------------------------------------------

void trace_reader(Object* self, Tracer& tracer) {
  auto* r = static_cast<ReaderObject*>(self);
  tracer.visit(r->input);
  tracer.visit(r->dialect);
  tracer.visit(r->fields);
}
void finalize_reader(Object* self) {
  auto* r = static_cast<ReaderObject*>(self);
  delete r->field;
  r->field = nullptr;
}

// field_size_limit counts characters, and the check comes before the character is added, as CPython's
// parse_add_char.
bool add_char(ThreadState& ts, ReaderObject* r, int32_t c) {
  if (r->field_len >= field_limit) {
    raise_csv_error(ts, fmt::format("field larger than field limit ({})", field_limit));
    return false;
  }
  text::append_utf8(*r->field, static_cast<char32_t>(c));
  r->field_len++;
  return true;
}

// Ends the current field: appended to the record as a str, or as a float for an unquoted QUOTE_NONNUMERIC one.
bool save_field(ThreadState& ts, ReaderObject* r) {
  Value field(make_str(ts, *r->field));
  r->field->clear();
  r->field_len = 0;
  if (r->numeric_field) {
    r->numeric_field = false;
    field = call(ts, Value(&float_type), {&field, 1});
    if (!field) return false;
  }
  return list_append(ts, static_cast<ListObject*>(r->fields.as_object()), field);
}

bool is_newline(int32_t c) { return c == '\n' || c == '\r'; }

// One step of the parser for character `c` (kEndOfLine after each line), as _csv.c's parse_process_char.
// Returns false with _csv.Error (or a float() error for QUOTE_NONNUMERIC) pending.
bool process_char(ThreadState& ts, ReaderObject* r, int32_t c) {
  DialectObject* d = as_dialect(r->dialect);
  bool quoting_on = d->quoting != kQuoteNone;
  switch (r->state) {
    case ParseState::kStartRecord:
      if (c == kEndOfLine) return true;  // an empty line: an empty record
      if (is_newline(c)) {
        r->state = ParseState::kEatCrNl;
        return true;
      }
      r->state = ParseState::kStartField;
      [[fallthrough]];
    // An unquoted field under QUOTE_NONNUMERIC becomes a float when saved; a quoted one stays a str.
    case ParseState::kStartField:
      if (is_newline(c) || c == kEndOfLine) {
        if (!save_field(ts, r)) return false;
        r->state = c == kEndOfLine ? ParseState::kStartRecord : ParseState::kEatCrNl;
      } else if (c == d->quotechar && quoting_on) {
        r->state = ParseState::kInQuotedField;
      } else if (c == d->escapechar) {
        r->state = ParseState::kEscapedChar;
      } else if (c == ' ' && d->skipinitialspace) {
        // spaces at the start of a field are dropped
      } else if (c == d->delimiter) {
        if (!save_field(ts, r)) return false;
      } else {
        r->numeric_field = d->quoting == kQuoteNonNumeric;
        if (!add_char(ts, r, c)) return false;
        r->state = ParseState::kInField;
      }
      return true;
    // The end of a line after an escapechar is a literal newline in the field (the record goes on).
    case ParseState::kEscapedChar:
      if (is_newline(c)) {
        if (!add_char(ts, r, c)) return false;
        r->state = ParseState::kAfterEscapedCrNl;
        return true;
      }
      if (!add_char(ts, r, c == kEndOfLine ? '\n' : c)) return false;
      r->state = ParseState::kInField;
      return true;
    case ParseState::kAfterEscapedCrNl:
      if (c == kEndOfLine) return true;
      [[fallthrough]];
    case ParseState::kInField:
      if (is_newline(c) || c == kEndOfLine) {
        if (!save_field(ts, r)) return false;
        r->state = c == kEndOfLine ? ParseState::kStartRecord : ParseState::kEatCrNl;
      } else if (c == d->escapechar) {
        r->state = ParseState::kEscapedChar;
      } else if (c == d->delimiter) {
        if (!save_field(ts, r)) return false;
        r->state = ParseState::kStartField;
      } else if (!add_char(ts, r, c)) {
        return false;
      }
      return true;
    // Line ends inside quotes belong to the field: the line's own \n arrives as a character before kEndOfLine.
    case ParseState::kInQuotedField:
      if (c == kEndOfLine) return true;  // the quoted field goes on in the next line
      if (c == d->escapechar) {
        r->state = ParseState::kEscapeInQuotedField;
      } else if (c == d->quotechar && quoting_on) {
        r->state = d->doublequote ? ParseState::kQuoteInQuotedField : ParseState::kInField;
      } else if (!add_char(ts, r, c)) {
        return false;
      }
      return true;
    case ParseState::kEscapeInQuotedField:
      if (!add_char(ts, r, c == kEndOfLine ? '\n' : c)) return false;
      r->state = ParseState::kInQuotedField;
      return true;
    // After a closing quote: a second quote (doublequote) is a literal one, a delimiter or line end closes the
    // field; anything else is an error only for strict dialects, otherwise it continues the field unquoted.
    case ParseState::kQuoteInQuotedField:
      if (quoting_on && c == d->quotechar) {  // a doubled quote stands for one
        if (!add_char(ts, r, c)) return false;
        r->state = ParseState::kInQuotedField;
      } else if (c == d->delimiter) {
        if (!save_field(ts, r)) return false;
        r->state = ParseState::kStartField;
      } else if (is_newline(c) || c == kEndOfLine) {
        if (!save_field(ts, r)) return false;
        r->state = c == kEndOfLine ? ParseState::kStartRecord : ParseState::kEatCrNl;
      } else if (!d->strict) {
        if (!add_char(ts, r, c)) return false;
        r->state = ParseState::kInField;
      } else {
        std::string message = "'";
        text::append_utf8(message, static_cast<char32_t>(d->delimiter));
        message += "' expected after '";
        text::append_utf8(message, static_cast<char32_t>(d->quotechar));
        raise_csv_error(ts, message + "'");
        return false;
      }
      return true;
    // Only more line-break characters may follow a line break outside quotes (a \r in the middle of a line is
    // the "new-line character seen in unquoted field" error).
    case ParseState::kEatCrNl:
      if (is_newline(c)) return true;
      if (c == kEndOfLine) {
        r->state = ParseState::kStartRecord;
        return true;
      }
      raise_csv_error(ts, "new-line character seen in unquoted field - do you need to open the file in "
                          "universal-newline mode?");
      return false;
  }
  return true;
}

// next(reader): the fields of the next record, reading as many lines as a quoted field spans.
Value reader_next(ThreadState& ts, Value self) {
  ReaderObject* r = as_reader(self);
  // The record under construction lives in the reader (traced by trace_reader), not on the C++ stack, because reading a
  // line and converting a QUOTE_NONNUMERIC field both call back into Python and may collect.
  r->fields = Value(make_list(ts, 0));
  r->field->clear();
  r->field_len = 0;
  r->state = ParseState::kStartRecord;
  r->numeric_field = false;
  do {
    Value line = iter_next(ts, r->input);
    if (!line) {
      if (ts.current_exception) return Value();
      // The input ended inside a record: strict dialects refuse it, others keep the partial field.
      if (r->field_len == 0 && r->state != ParseState::kInQuotedField) return Value();
      if (as_dialect(r->dialect)->strict) return raise_csv_error(ts, "unexpected end of data");
      if (!save_field(ts, r)) return Value();
      break;
    }
    if (!is_str(line))
      return raise_csv_error(ts, fmt::format("iterator should return strings, not {} (the file should be opened "
                                             "in text mode)", type_name(line)));
    // line_num counts source lines, not records: a quoted field spanning three lines advances it by three.
    r->line_num++;
    std::string_view text = as_str(line)->view();
    for (size_t pos = 0; pos < text.size();)
      if (!process_char(ts, r, static_cast<int32_t>(text::next_code_point(text, &pos)))) return Value();
    if (!process_char(ts, r, kEndOfLine)) return Value();
  } while (r->state != ParseState::kStartRecord);
  Value fields = r->fields;
  r->fields = Value();
  return fields;
}

GETTER(reader_dialect) { return (void)ts, as_reader(args.empty() ? self : args[0])->dialect; }
GETTER(reader_line_num) { return make_int(ts, as_reader(args.empty() ? self : args[0])->line_num); }

// ---- writer ---------------------------------------------------------------------------------------------------

void trace_writer(Object* self, Tracer& tracer) {
  auto* w = static_cast<WriterObject*>(self);
  tracer.visit(w->write);
  tracer.visit(w->dialect);
}

// Appends `field` to `record` (after a delimiter unless it is the first), quoted when `quoted` or when one of
// its characters needs it; characters that cannot be quoted are escaped (CPython's join_append).
bool append_field(ThreadState& ts, DialectObject* d, std::string& record, bool first, std::string_view field,
                  bool quoted) {
  std::string_view terminator = as_str(d->lineterminator)->view();
  auto in_terminator = [&](char32_t c) {
    for (size_t pos = 0; pos < terminator.size();)
      if (text::next_code_point(terminator, &pos) == c) return true;
    return false;
  };
  // A character's treatment: 0 copied, 1 copied after the escapechar, 2 copied twice (a doubled quote).
  auto treatment = [&](int32_t c, bool* needs_quotes) {
    if (c != d->delimiter && c != d->escapechar && c != d->quotechar && !in_terminator(static_cast<char32_t>(c)))
      return 0;
    if (d->quoting == kQuoteNone) return 1;
    if (c == d->quotechar) {
      if (!d->doublequote) return 1;
      *needs_quotes = true;
      return 2;
    }
    if (c == d->escapechar) return 1;
    *needs_quotes = true;
    return 0;
  };
  for (size_t pos = 0; pos < field.size();) {
    int32_t c = static_cast<int32_t>(text::next_code_point(field, &pos));
    if (treatment(c, &quoted) == 1 && d->escapechar == kNotSet) {
      raise_csv_error(ts, "need to escape, but no escapechar set");
      return false;
    }
  }
  if (!first) text::append_utf8(record, static_cast<char32_t>(d->delimiter));
  if (quoted) text::append_utf8(record, static_cast<char32_t>(d->quotechar));
  for (size_t pos = 0; pos < field.size();) {
    size_t start = pos;
    int32_t c = static_cast<int32_t>(text::next_code_point(field, &pos));
    bool ignored = false;
    int how = treatment(c, &ignored);
    if (how == 1) text::append_utf8(record, static_cast<char32_t>(d->escapechar));
    if (how == 2) text::append_utf8(record, static_cast<char32_t>(d->quotechar));
    record.append(field.substr(start, pos - start));
  }
  if (quoted) text::append_utf8(record, static_cast<char32_t>(d->quotechar));
  return true;
}

// Whether QUOTE_NONNUMERIC leaves `v` unquoted: a number (CPython's PyNumber_Check).
bool is_number(Value v) {
  Type* t = type_of(v);
  return is_int(v) || is_float(v) || t->to_int || t->to_float || t->index || t == &complex_type;
}

#define WRITER_FN(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

WRITER_FN(writer_writerow) {
  if (!exact_args(ts, "writerow", args, kwnames, 1, 1)) return Value();
  WriterObject* w = as_writer(self);
  DialectObject* d = as_dialect(w->dialect);
  Value it = get_iter(ts, args[0]);
  if (!it) {
    // A TypeError from iter() becomes _csv.Error with CPython's wording; any other exception propagates as is.
    if (!exception_matches(ts.current_exception, &TypeError_type)) return it;
    ts.current_exception = Value();
    return raise_csv_error(ts, fmt::format("iterable expected, not {}", type_name(args[0])));
  }
  std::string record;
  int64_t count = 0;
  while (Value field = iter_next(ts, it)) {
    // None is written as an empty field; QUOTE_NONNUMERIC still quotes it, since PyNumber_Check(None) is false.
    bool quoted = d->quoting == kQuoteAll || (d->quoting == kQuoteNonNumeric && !is_number(field));
    Value text = field;
    if (is_none(field)) text = Value(make_str(ts, ""));
    else if (!is_str(field)) text = py_str(ts, field);
    if (!text) return text;
    if (!append_field(ts, d, record, count == 0, as_str(text)->view(), quoted)) return Value();
    count++;
  }
  if (ts.current_exception) return Value();
  // A record of one empty field must be quoted, or it would read back as an empty record.
  if (count == 1 && record.empty()) {
    if (d->quoting == kQuoteNone) return raise_csv_error(ts, "single empty field record must be quoted");
    if (!append_field(ts, d, record, true, "", true)) return Value();
  }
  record += as_str(d->lineterminator)->view();
  Value line(make_str(ts, record));
  // writerow returns whatever the file's write() returned (the character count for a text file), as CPython's does.
  return call(ts, w->write, {&line, 1});
}

WRITER_FN(writer_writerows) {
  if (!exact_args(ts, "writerows", args, kwnames, 1, 1)) return Value();
  Value rows = get_iter(ts, args[0]);
  if (!rows) return rows;
  while (Value row = iter_next(ts, rows))
    if (!writer_writerow(ts, self, {&row, 1}, nullptr)) return Value();
  return ts.current_exception ? Value() : None();
}

GETTER(writer_dialect) { return (void)ts, as_writer(args.empty() ? self : args[0])->dialect; }

const MethodDef kWriterMethods[] = {{"writerow", writer_writerow}, {"writerows", writer_writerows}};

// ---- module functions -----------------------------------------------------------------------------------------

#define CSV_FN(name) Value name(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames)

CSV_FN(csv_reader) {
  if (positional_count(args, kwnames) < 1)
    return raise(ts, TypeError_type, "expected at least 1 argument, got 0");
  Value input = get_iter(ts, args[0]);
  if (!input) return input;
  Value dialect = dialect_from_args(ts, "reader", args, kwnames, 1);
  if (!dialect) return dialect;
  auto* r = alloc_instance<ReaderObject>(ts, &reader_type);
  r->input = input;
  r->dialect = dialect;
  r->field = new std::string();
  return Value(r);
}

CSV_FN(csv_writer) {
  if (positional_count(args, kwnames) < 1)
    return raise(ts, TypeError_type, "expected at least 1 argument, got 0");
  Value write = get_attr_optional(ts, args[0], intern(ts, "write"));
  if (!write) {
    if (ts.current_exception) return Value();
    return raise(ts, TypeError_type, "argument 1 must have a \"write\" method");
  }
  Value dialect = dialect_from_args(ts, "writer", args, kwnames, 1);
  if (!dialect) return dialect;
  auto* w = alloc_instance<WriterObject>(ts, &writer_type);
  w->write = write;
  w->dialect = dialect;
  return Value(w);
}

CSV_FN(csv_register_dialect) {
  size_t npos = positional_count(args, kwnames);
  if (npos < 1) return raise(ts, TypeError_type, "register_dialect() expected at least 1 argument, got 0");
  if (!is_str(args[0])) return raise(ts, TypeError_type, "dialect name must be a string");
  Value dialect = dialect_from_args(ts, "register_dialect", args, kwnames, 1);
  if (!dialect || !dict_set(ts, registry(), args[0], dialect)) return Value();
  return None();
}

CSV_FN(csv_unregister_dialect) {
  if (!exact_args(ts, "unregister_dialect", args, kwnames, 1, 1)) return Value();
  int removed = dict_del(ts, registry(), args[0]);
  if (removed < 0) return Value();
  if (removed == 0) return raise_csv_error(ts, "unknown dialect");
  return None();
}

CSV_FN(csv_get_dialect) {
  if (!exact_args(ts, "get_dialect", args, kwnames, 1, 1)) return Value();
  Value d = dict_get(ts, registry(), args[0]);
  if (!d) return ts.current_exception ? Value() : raise_csv_error(ts, "unknown dialect");
  return d;
}

CSV_FN(csv_list_dialects) {
  if (!exact_args(ts, "list_dialects", args, kwnames, 0, 0)) return Value();
  ListObject* names = make_list(ts, 0);
  int64_t pos = 0;
  Value k, v;
  while (dict_next(registry(), &pos, &k, &v))
    if (!list_append(ts, names, k)) return Value();
  return Value(names);
}

// field_size_limit([new_limit]): the old limit; a new one when given.
CSV_FN(csv_field_size_limit) {
  static const char* const kNames[] = {"new_limit"};
  Value given[1];
  if (!native::parse_args(ts, "field_size_limit", args, kwnames, kNames, 0, 0, given, 1)) return Value();
  int64_t old = field_limit;
  if (given[0]) {
    // CPython reads the limit with PyLong_AsLong, so a huge limit is an OverflowError naming a C long.
    if (!is_int(given[0])) return raise(ts, TypeError_type, "limit must be an integer");
    int64_t limit;
    if (!index_to_int64(ts, given[0], &limit, "Python int too large to convert to C long")) return Value();
    field_limit = limit;
  }
  return make_int(ts, old);
}

const MethodDef kCsvFunctions[] = {
    {"reader", csv_reader},
    {"writer", csv_writer},
    {"register_dialect", csv_register_dialect},
    {"unregister_dialect", csv_unregister_dialect},
    {"get_dialect", csv_get_dialect},
    {"list_dialects", csv_list_dialects},
    {"field_size_limit", csv_field_size_limit},
};

void define_types(ThreadState& ts) {
  if (begin_native_type(ts, dialect_type, "Dialect", "_csv", sizeof(DialectObject), kTypeBaseType)) {
    dialect_type.trace = trace_dialect;
    dialect_type.new_instance = dialect_new;
    for (const MethodDef& getter : kDialectGetters) add_native_property(ts, dialect_type, &getter, nullptr);
    finish_native_type(ts, dialect_type);
  }
  if (begin_native_type(ts, reader_type, "reader", "_csv", sizeof(ReaderObject))) {
    reader_type.trace = trace_reader;
    reader_type.finalize = finalize_reader;
    reader_type.iter = iter_self;
    reader_type.iternext = reader_next;
    static const MethodDef kDialect{"dialect", reader_dialect}, kLineNum{"line_num", reader_line_num};
    add_native_property(ts, reader_type, &kDialect, nullptr, ReadOnly::kMember);
    add_native_property(ts, reader_type, &kLineNum, nullptr, ReadOnly::kMember);
    finish_native_type(ts, reader_type);
  }
  if (begin_native_type(ts, writer_type, "writer", "_csv", sizeof(WriterObject))) {
    writer_type.trace = trace_writer;
    add_methods(ts, writer_type, kWriterMethods);
    static const MethodDef kDialect{"dialect", writer_dialect};
    add_native_property(ts, writer_type, &kDialect, nullptr, ReadOnly::kMember);
    finish_native_type(ts, writer_type);
  }
}

}  // namespace

ModuleObject* create_csv_module(ThreadState& ts) {
  define_types(ts);
  if (!csv_error) {
    csv_error = native::new_exception_class(ts, "_csv", "Error", &Exception_type);
    if (!csv_error) return nullptr;
    // Error and the dialect registry are created once per process and rooted: a second import of _csv (after removing
    // it from sys.modules) shares them, where CPython's per-module state would start afresh.
    register_root(ts, &csv_error);
    dialect_registry = Value(make_dict(ts));
    register_root(ts, &dialect_registry);
  }
  ModuleObject* m = make_module(ts, "_csv");
  add_module_functions(ts, m, kCsvFunctions);
  add_module_value(ts, m, "Error", csv_error);
  add_module_value(ts, m, "Dialect", Value(static_cast<Object*>(&dialect_type)));
  add_module_value(ts, m, "__version__", Value(make_str(ts, "1.0")));
  add_module_value(ts, m, "__doc__", Value(make_str(ts, "CSV parsing and writing.")));
  add_module_value(ts, m, "QUOTE_MINIMAL", Value::small_int(kQuoteMinimal));
  add_module_value(ts, m, "QUOTE_ALL", Value::small_int(kQuoteAll));
  add_module_value(ts, m, "QUOTE_NONNUMERIC", Value::small_int(kQuoteNonNumeric));
  add_module_value(ts, m, "QUOTE_NONE", Value::small_int(kQuoteNone));
  return m;
}

}  // namespace minipy
