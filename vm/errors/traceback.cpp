// Tracebacks: recording where an exception travelled, and printing an uncaught exception in CPython 3.11's
// format (source lines, the ^^^ position markers, chained exceptions, SyntaxError's special shape).
#include "stdlib/native/native_type.h"
#include <sys/stat.h>

#include <algorithm>
#include <climits>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "compiler/linetable.h"
#include "stdlib/native/sys.h"
#include "vm/errors/suggestions.h"
#include "vm/errors/traceback.h"
#include "vm/objects/abstract.h"
#include "vm/runtime.h"
#include "vm/errors/traceback_carets.h"

namespace minipy {

namespace {
// TracebackObject::lineno until someone asks: an exception passes through many frames and is usually caught, so
// the line (a walk of the code's location table) is found only for tracebacks that are printed or inspected.
constexpr int32_t kLinenoNotComputed = INT32_MIN;

int traceback_lineno(TracebackObject* tb) {
  if (tb->lineno == kLinenoNotComputed)
    tb->lineno = location_at(tb->code->src().linetable, tb->code->firstlineno, tb->lasti).lineno;
  return tb->lineno;
}
}  // namespace


namespace {

ExceptionObject* as_exc(Value v) { return static_cast<ExceptionObject*>(v.as_object()); }

// The lines of `filename` as the file is now, for printing. A traceback may show many frames of one file (a deep
// recursion shows hundreds), so the lines are kept; but CPython reads the file afresh each time it prints, so a
// program that rewrote a module since sees the new text: a kept copy is used only while the file's identity,
// size and mtime are unchanged. A file that is gone or unreadable shows no source line.
const std::vector<std::string>* source_lines(const std::string& filename) {
  struct Kept {
    struct stat st;
    std::vector<std::string> lines;
  };
  static std::unordered_map<std::string, Kept> cache;
  struct stat st {};
  if (stat(filename.c_str(), &st) != 0) return nullptr;
  auto it = cache.find(filename);
  if (it != cache.end()) {
    const struct stat& kept = it->second.st;
    if (kept.st_ino == st.st_ino && kept.st_dev == st.st_dev && kept.st_size == st.st_size &&
        kept.st_mtim.tv_sec == st.st_mtim.tv_sec && kept.st_mtim.tv_nsec == st.st_mtim.tv_nsec)
      return &it->second.lines;
    cache.erase(it);
  }
  std::ifstream in(filename, std::ios::binary);
  if (!in) return nullptr;
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return &cache.emplace(filename, Kept{st, std::move(lines)}).first->second.lines;
}

std::string_view strip(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\f");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\f\r\n");
  return s.substr(b, e - b + 1);
}

// Off during interpreter shutdown (vm/memory/finalize.cpp): CPython can no longer read source files by then, and
// tracebacks printed from late finalizers show frames without their lines.
bool show_source_lines = true;

void print_frame(std::string& out, CodeObj* code, int lasti, int lineno) {
  const CodeObject& src = code->src();
  out += fmt::format("  File \"{}\", line {}, in {}\n", src.filename, lineno, src.name);
  if (!show_source_lines) return;
  const auto* lines = source_lines(src.filename);
  if (!lines || lineno < 1 || static_cast<size_t>(lineno) > lines->size()) return;
  const std::string& full = (*lines)[static_cast<size_t>(lineno) - 1];
  std::string_view text = strip(full);
  if (text.empty()) return;
  // CPython strips the indentation but prints trailing blanks.
  out += fmt::format("    {}\n", std::string_view(full).substr(full.find_first_not_of(" \t\f")));
  out += caret_line(full, lineno, location_at(src.linetable, src.firstlineno, lasti));
}

// CPython's print_exception for SyntaxError and its subclasses (Python/pythonrun.c): only an exact SyntaxError
// contributes its end position; offsets are 1-based; the text is shown without its indentation.
void print_syntax_error(ThreadState& ts, std::string& out, Value exc) {
  auto field = [&](const char* name) {
    Value v = get_attr_optional(ts, exc, intern(ts, name));
    ts.current_exception = Value();
    return v;
  };
  auto int_field = [&](const char* name, int64_t missing) {
    Value v = field(name);
    return v && v.is_small_int() ? v.as_small_int() : missing;
  };
  Value filename = field("filename"), text = field("text");
  int64_t lineno = int_field("lineno", 0), offset = int_field("offset", -1);
  int64_t end_lineno = lineno, end_offset = -1;
  if (type_of(exc) == &SyntaxError_type) {
    end_lineno = int_field("end_lineno", lineno);
    end_offset = int_field("end_offset", -1);
  }
  out += fmt::format("  File \"{}\", line {}\n", filename && is_str(filename) ? as_str(filename)->view() : "<string>",
                     lineno);
  if (!text || !is_str(text)) return;
  std::string_view line = as_str(text)->view();
  auto line_size = static_cast<int64_t>(line.size());
  if (end_lineno > lineno) end_offset = line_size;  // a multi-line error is marked to the end of its first line
  if (end_offset > line_size + 1) end_offset = line_size + 1;
  int64_t carets = end_offset > 0 && end_offset > offset ? end_offset - offset : 1;
  offset--;
  while (!line.empty() && (line[0] == ' ' || line[0] == '\t' || line[0] == '\f')) {
    line.remove_prefix(1);
    offset--;
  }
  auto len = static_cast<int64_t>(line.size());
  if (len > 0 && line.back() == '\n') len--;
  if (offset > len) offset = len;
  // Text spanning several lines: show the line the offset falls in.
  for (size_t newline; (newline = line.find('\n')) != std::string_view::npos;) {
    auto skip = static_cast<int64_t>(newline);
    if (skip >= offset) break;
    line.remove_prefix(newline + 1);
    len -= skip + 1;
    offset -= skip + 1;
  }
  out += "    ";
  out += line;
  if (line.size() <= static_cast<size_t>(len) || line[static_cast<size_t>(len)] != '\n') out += '\n';
  if (offset < 0) return;
  out += "    " + std::string(static_cast<size_t>(offset), ' ') + std::string(static_cast<size_t>(carets), '^') + "\n";
}

// The exception's __notes__ (add_note), one per line after the message, as CPython 3.11 prints them.
void format_notes(ThreadState& ts, std::string& out, Value exc) {
  Value notes = get_attr_optional(ts, exc, intern(ts, "__notes__"));
  if (!notes) {
    ts.current_exception = Value();
    return;
  }
  if (!is_list(notes) && !is_tuple(notes)) {
    Value r = py_repr(ts, notes);
    if (r) out += fmt::format("{}\n", as_str(r)->view());
    else out += "<__notes__ repr() failed>\n";
    ts.current_exception = Value();
    return;
  }
  // Indexed afresh each time: a note's __str__ may change the list.
  auto item = [&](size_t i) {
    std::span<Value> items = is_list(notes) ? static_cast<ListObject*>(notes.as_object())->span()
                                            : static_cast<TupleObject*>(notes.as_object())->span();
    return i < items.size() ? items[i] : Value();
  };
  for (size_t i = 0; Value note = item(i); ++i) {
    Value text = is_str(note) ? note : py_str(ts, note);
    if (text) out += fmt::format("{}\n", as_str(text)->view());
    else out += "<note str() failed>\n";
    ts.current_exception = Value();
  }
}

// The frames of `exc`'s traceback, without the "Traceback ..." header.
void format_frames(std::string& out, ExceptionObject* e) {
  {
    // CPython collapses long runs of the same frame ("[Previous line repeated N more times]").
    std::string last;
    int repeats = 0;
    auto flush_repeats = [&] {
      if (repeats > 3)
        out += fmt::format("  [Previous line repeated {} more time{}]\n", repeats - 3, repeats - 3 == 1 ? "" : "s");
    };
    for (Value tb = e->traceback; tb && !is_none(tb); tb = static_cast<TracebackObject*>(tb.as_object())->next) {
      auto* t = static_cast<TracebackObject*>(tb.as_object());
      std::string frame;
      print_frame(frame, t->code, t->lasti, traceback_lineno(t));
      if (frame == last) {
        repeats++;
        if (repeats <= 3) out += frame;
        continue;
      }
      flush_repeats();
      repeats = 1;
      last = frame;
      out += frame;
    }
    flush_repeats();
  }
}

// The `Type: message` line(s) and notes of `exc`.
void format_exception_only(ThreadState& ts, std::string& out, Value exc) {
  ExceptionObject* e = as_exc(exc);
  Type* t = type_of(exc);
  if (is_subtype(t, &SyntaxError_type) && e->args->size >= 2) print_syntax_error(ts, out, exc);
  // The traceback module also leaves __main__'s classes bare (TracebackException.format_exception_only).
  Value module = t->module;
  const bool in_main = module && is_str(module) && as_str(module)->view() == "__main__";
  std::string name = in_main ? std::string(t->qualname->view()) : qualified_name(module, t->qualname->view());
  Value s = is_subtype(t, &SyntaxError_type) ? get_attr_optional(ts, exc, intern(ts, "msg")) : py_str(ts, exc);
  if (!s || !is_str(s)) {
    ts.current_exception = Value();
    out += fmt::format("{}: <exception str() failed>\n", name);
    return;
  }
  std::string suggestion;
  Value extra = e->extra;
  if (is_subtype(t, &NameError_type) && extra && is_tuple(extra)) {
    // (name, suggestion): the suggestion was computed when the name lookup failed (vm/interp/eval_support.cpp).
    auto* fields = static_cast<TupleObject*>(extra.as_object());
    if (fields->size > 1 && fields->items[1] && is_str(fields->items[1]))
      suggestion = fmt::format(". Did you mean: '{}'?", as_str(fields->items[1])->view());
  } else if (is_subtype(t, &AttributeError_type) && extra && is_tuple(extra)) {
    // (name, obj): either may be unset (null) or, given by the program, of any type (AttributeError(name=12)).
    auto* pair = static_cast<TupleObject*>(extra.as_object());
    Value attr_name = pair->items[0], attr_obj = pair->items[1];
    if (!attr_name || !is_str(attr_name) || !attr_obj) {
      // nothing to suggest
    } else if (StrObject* best = suggest_for_attribute(ts, attr_obj, as_str(attr_name)))
      suggestion = fmt::format(". Did you mean: '{}'?", best->view());
  }
  // An empty message leaves out the ": " (the suggestion follows the name directly).
  if (as_str(s)->size == 0) out += name + suggestion + "\n";
  else out += fmt::format("{}: {}{}\n", name, as_str(s)->view(), suggestion);
  format_notes(ts, out, exc);
}

void format_one(ThreadState& ts, std::string& out, Value exc) {
  ExceptionObject* e = as_exc(exc);
  if (e->traceback && !is_none(e->traceback)) {
    out += "Traceback (most recent call last):\n";
    format_frames(out, e);
  }
  format_exception_only(ts, out, exc);
}

// Exception groups print as nested boxes (traceback.py's TracebackException.format and _ExceptionPrintContext,
// which CPython's C printer mirrors): inside a group every line gets a margin of two spaces per level and "| "
// ("+ " on a top-level group's header), and each sub-exception opens with a "+---- N ----" rule.
constexpr int kMaxGroupWidth = 15, kMaxGroupDepth = 10;
struct GroupContext {
  int depth = 0;
  bool need_close = false;
};

bool is_exception_group(Value v) { return v.is_object() && is_subtype(type_of(v), &BaseExceptionGroup_type); }

void emit(std::string& out, const GroupContext& ctx, std::string_view text, char margin = '|') {
  if (ctx.depth == 0) {
    out += text;
    return;
  }
  std::string prefix(static_cast<size_t>(2 * ctx.depth), ' ');
  prefix += margin;
  prefix += ' ';
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end + 1;
    out += prefix;
    out += text.substr(start, end - start);
    start = end;
  }
}

void format_group_chain(ThreadState& ts, std::string& out, Value exc, std::vector<Object*>& seen, GroupContext& ctx);

void format_group_member(ThreadState& ts, std::string& out, Value exc, GroupContext& ctx) {
  ExceptionObject* e = as_exc(exc);
  std::string piece;
  if (!is_exception_group(exc)) {
    format_one(ts, piece, exc);
    emit(out, ctx, piece);
    return;
  }
  if (ctx.depth > kMaxGroupDepth) {
    emit(out, ctx, fmt::format("... (max_group_depth is {})\n", kMaxGroupDepth));
    return;
  }
  bool toplevel = ctx.depth == 0;
  if (toplevel) ctx.depth++;
  if (e->traceback && !is_none(e->traceback)) {
    emit(out, ctx, "Exception Group Traceback (most recent call last):\n", toplevel ? '+' : '|');
    format_frames(piece, e);
    emit(out, ctx, piece);
    piece.clear();
  }
  format_exception_only(ts, piece, exc);
  emit(out, ctx, piece);
  Value excs = get_attr_optional(ts, exc, intern(ts, "exceptions"));
  auto* members = excs && is_tuple(excs) ? static_cast<TupleObject*>(excs.as_object()) : nullptr;
  int64_t count = members ? members->size : 0;
  int64_t shown = count <= kMaxGroupWidth ? count : kMaxGroupWidth + 1;
  ctx.need_close = false;
  for (int64_t i = 0; i < shown; i++) {
    bool last = i == shown - 1;
    if (last) ctx.need_close = true;
    bool truncated = i >= kMaxGroupWidth;
    std::string title = truncated ? "..." : std::to_string(i + 1);
    out += std::string(static_cast<size_t>(2 * ctx.depth), ' ') + (i == 0 ? "+-" : "  ") +
           fmt::format("+---------------- {} ----------------\n", title);
    ctx.depth++;
    if (!truncated) {
      std::vector<Object*> seen;
      format_group_chain(ts, out, members->items[i], seen, ctx);
    } else {
      int64_t remaining = count - kMaxGroupWidth;
      emit(out, ctx, fmt::format("and {} more exception{}\n", remaining, remaining > 1 ? "s" : ""));
    }
    if (last && ctx.need_close) {
      out += std::string(static_cast<size_t>(2 * ctx.depth), ' ') + "+------------------------------------\n";
      ctx.need_close = false;
    }
    ctx.depth--;
  }
  if (toplevel) ctx.depth = 0;
}

void format_group_chain(ThreadState& ts, std::string& out, Value exc, std::vector<Object*>& seen, GroupContext& ctx) {
  seen.push_back(exc.as_object());
  ExceptionObject* e = as_exc(exc);
  auto unseen = [&](Value v) {
    return v && !is_none(v) && std::find(seen.begin(), seen.end(), v.as_object()) == seen.end();
  };
  if (unseen(e->cause)) {
    format_group_chain(ts, out, e->cause, seen, ctx);
    emit(out, ctx, "\nThe above exception was the direct cause of the following exception:\n\n");
  } else if (!e->suppress_context && unseen(e->context)) {
    format_group_chain(ts, out, e->context, seen, ctx);
    emit(out, ctx, "\nDuring handling of the above exception, another exception occurred:\n\n");
  }
  format_group_member(ts, out, exc, ctx);
}

}  // namespace

void set_traceback_source_lines(bool on) { show_source_lines = on; }

// Line `lineno` of `filename` without its surrounding blanks, or "" (for warnings' source lines).
std::string source_line_text(const std::string& filename, int lineno) {
  const auto* lines = source_lines(filename);
  if (!lines || lineno < 1 || static_cast<size_t>(lineno) > lines->size()) return {};
  return std::string(strip((*lines)[static_cast<size_t>(lineno) - 1]));
}

// PyTraceBack_Here: as the exception leaves a frame, one entry is pushed in front of the chain, so the chain
// reads outermost frame first once unwinding ends. The line is computed now, from the instruction that raised.
void traceback_here(ThreadState& ts, CodeObj* code, int lasti) {
  Value exc = ts.current_exception;
  if (!exc || !exc.is_object()) return;
  auto* tb = ts.alloc<TracebackObject>(&traceback_type);
  tb->code = code;
  tb->lasti = lasti;
  tb->lineno = kLinenoNotComputed;
  tb->exit_lasti = -1;
  ExceptionObject* e = as_exc(exc);
  tb->next = e->traceback ? e->traceback : None();
  e->traceback = Value(tb);
}

void write_sys_stderr(ThreadState& ts, std::string_view text, bool none_is_silent) {
  Value saved = ts.current_exception;
  ts.current_exception = Value();
  std::fflush(stdout);  // what print() left in C's buffer comes first, as it did before the report
  Value stream = ts.interp->sys_module ? dict_get_str(ts.interp->sys_module->dict, intern(ts, "stderr")) : Value();
  if (stream && is_none(stream) && none_is_silent) {
    // CPython prints nothing at all when a program set sys.stderr to None.
  } else if (!stream || is_none(stream)) {
    std::fwrite(text.data(), 1, text.size(), stderr);
    std::fflush(stderr);
  } else {
    Value arg = Value(make_str(ts, text));
    if (arg && call_method(ts, stream, intern(ts, "write"), {&arg, 1}))
      (void)call_method(ts, stream, intern(ts, "flush"), {});
  }
  ts.current_exception = saved;
}

void print_exception(ThreadState& ts, Value exception, bool chain) {
  Value saved = ts.current_exception;
  ts.current_exception = Value();
  std::string out;
  std::vector<Object*> seen;
  GroupContext ctx;
  if (chain) format_group_chain(ts, out, exception, seen, ctx);
  else format_group_member(ts, out, exception, ctx);
  write_sys_stderr(ts, out, true);
  ts.current_exception = saved;
}

namespace {
TracebackObject* as_tb(Value v) { return static_cast<TracebackObject*>(v.as_object()); }
Value tb_next(ThreadState&, Value self, std::span<const Value>, TupleObject*) {
  return as_tb(self)->next ? as_tb(self)->next : None();
}
// tb.tb_next = other (unittest trims its own frames that way): a traceback or None, never making a loop.
// As a native property: args[0] is the traceback, args[1] the new value (absent to delete).
Value tb_get_next(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  return tb_next(ts, args[0], {}, kwnames);
}
Value tb_set_next(ThreadState& ts, Value, std::span<const Value> args, TupleObject*) {
  Value self = args[0];
  if (args.size() < 2) return raise(ts, TypeError_type, "can't delete tb_next attribute");
  Value next = args[1];
  if (!is_none(next) && type_of(next) != &traceback_type)
    return raise_fmt(ts, TypeError_type, "expected traceback object or None, got '{}'", type_name(next));
  if (is_none(next)) next = Value();  // the chain's end is stored as null
  for (Value cursor = next; cursor && !is_none(cursor); cursor = as_tb(cursor)->next)
    if (cursor == self) return raise(ts, ValueError_type, "traceback loop detected");
  as_tb(self)->next = next;
  return None();
}
Value tb_lineno(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  return make_int(ts, traceback_lineno(as_tb(self)));
}
Value tb_lasti(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  return make_int(ts, int64_t{as_tb(self)->lasti} * 2);  // in bytes, as CPython reports it
}
}  // namespace

void traceback_frame_left(ThreadState& ts, CodeObj* code, int lasti) {
  Value exc = ts.current_exception;
  if (!exc || !exc.is_object()) return;
  Value head = as_exc(exc)->traceback;
  if (!head || type_of(head) != &traceback_type) return;
  TracebackObject* tb = as_tb(head);
  if (tb->code == code && tb->exit_lasti < 0) tb->exit_lasti = lasti;
}

namespace {
Value tb_frame(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  TracebackObject* tb = as_tb(self);
  if (tb->exit_lasti >= 0 && tb->exit_lasti != tb->lasti)
    return frame_for_traceback(ts, tb->code, tb->exit_lasti,
                               location_at(tb->code->src().linetable, tb->code->firstlineno, tb->exit_lasti).lineno);
  return frame_for_traceback(ts, tb->code, tb->lasti, traceback_lineno(tb));
}
}  // namespace

void init_traceback_type(ThreadState& ts) {
  traceback_type.trace = [](Object* self, Tracer& tracer) {
    auto* t = static_cast<TracebackObject*>(self);
    tracer.visit(t->next);
    tracer.visit(t->code);
  };
  static const MethodDef kNextGetter = {"tb_next", tb_get_next}, kNextSetter = {"tb_next", tb_set_next};
  add_native_property(ts, traceback_type, &kNextGetter, &kNextSetter);
  add_getset(ts, traceback_type, "tb_lineno", tb_lineno);
  add_getset(ts, traceback_type, "tb_lasti", tb_lasti);
  add_getset(ts, traceback_type, "tb_frame", tb_frame);
}

}  // namespace minipy
