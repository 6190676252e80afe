// Argument parsing that str's methods (vm/objects/str_methods.cpp, which defines these) and the bytes and
// bytearray methods (vm/objects/bytes_methods.cpp) share: CPython's str and bytes take the same arguments with
// the same messages, so one parser keeps the messages from drifting apart.
#pragma once
#include <span>

#include "vm/runtime.h"
#include "vm/text/str_methods.h"

namespace minipy {

// The start/end argument args[i] of a find-like method into *out (absent or None: nullopt); false with an
// exception pending when it is not an index.
[[nodiscard]] bool text_bound_arg(ThreadState& ts, std::span<const Value> args, size_t i, text::OptIndex* out);
// How startswith/endswith read one candidate affix: into *out, or false with the type's TypeError pending.
// `name` is the method's name; `in_tuple` says the candidate is an item of a tuple argument (str words that
// message differently).
using AffixArg = bool (*)(ThreadState& ts, Value v, const char* name, bool in_tuple, std::string_view* out);
// str/bytes.startswith or endswith(affix or tuple of affixes, start=None, end=None) of `subject` (`ends` picks
// endswith): str and bytes share the argument rules and the tuple loop, and differ only in `affix_arg`.
[[nodiscard]] Value affix_method(ThreadState& ts, text::StrRef subject, std::span<const Value> args,
                                 TupleObject* kwnames, bool ends, AffixArg affix_arg);
// A new exact str of `size` UTF-8 bytes whose characters the caller writes into data[0..size) before the str is
// seen by anyone (defined in vm/objects/str.cpp): join and split build their results in place with it.
StrObject* make_str_uninitialized(ThreadState& ts, size_t size, int64_t length, bool ascii);
// split/rsplit(sep=None, maxsplit=-1): *sep null when absent or None, *maxsplit -1 when absent; `right` names
// rsplit in the message.
[[nodiscard]] bool split_args(ThreadState& ts, std::span<const Value> args, TupleObject* kwnames, bool right,
                              Value* sep, int64_t* maxsplit);
// splitlines(keepends=False): *keep is 0 or 1.
[[nodiscard]] bool keepends_arg(ThreadState& ts, std::span<const Value> args, TupleObject* kwnames, int* keep);
// The items of join()'s argument (*storage keeps a made list alive); "can only join an iterable" when it is not
// iterable.
[[nodiscard]] bool join_items(ThreadState& ts, Value iterable, std::span<Value>* items, Value* storage);

}  // namespace minipy
