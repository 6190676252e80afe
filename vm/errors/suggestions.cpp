// "Did you mean: 'x'?" for NameError and AttributeError, with CPython 3.11's algorithm (Python/suggestions.c):
// a Levenshtein distance where case changes cost 1 and other edits 2, a cap of a third of the characters, and
// the first best candidate in namespace order winning.
#include <algorithm>
#include <climits>
#include <vector>

#include "vm/errors/suggestions.h"
#include "vm/interp/builtins.h"
#include "vm/runtime.h"

namespace minipy {

namespace {

// suggestions.c's constants. A case change costs half an edit, so `Print` suggests `print` before any name one
// real typo away. Names longer than 40 characters and namespaces of 750 or more names get no suggestion: the
// search runs while an exception is being reported and must stay cheap whatever the program defined.
constexpr size_t kMoveCost = 2;
constexpr size_t kCaseCost = 1;
constexpr size_t kMaxStringSize = 40;
constexpr size_t kMaxCandidates = 750;

size_t substitution_cost(char a, char b) {
  // (a & 31) == (b & 31) holds for every pair of ASCII letters that differ only in case: a cheap first filter.
  if ((a & 31) != (b & 31)) return kMoveCost;
  if (a == b) return 0;
  if (a >= 'A' && a <= 'Z') a = static_cast<char>(a + ('a' - 'A'));
  if (b >= 'A' && b <= 'Z') b = static_cast<char>(b + ('a' - 'A'));
  return a == b ? kCaseCost : kMoveCost;
}

// The edit distance of `a` and `b`, or max_cost + 1 as soon as it is known to exceed max_cost (the caller only
// needs to know whether a candidate beats the best so far, which lets most candidates stop early).
size_t levenshtein(std::string_view a, std::string_view b, size_t max_cost) {
  // A common prefix and suffix do not change the distance; stripping them keeps the table small.
  while (!a.empty() && !b.empty() && a.front() == b.front()) {
    a.remove_prefix(1);
    b.remove_prefix(1);
  }
  while (!a.empty() && !b.empty() && a.back() == b.back()) {
    a.remove_suffix(1);
    b.remove_suffix(1);
  }
  if (a.empty() || b.empty()) return (a.size() + b.size()) * kMoveCost;
  if (a.size() > kMaxStringSize || b.size() > kMaxStringSize) return max_cost + 1;
  if (b.size() < a.size()) std::swap(a, b);
  if ((b.size() - a.size()) * kMoveCost > max_cost) return max_cost + 1;
  // One row of the dynamic-programming table suffices: each row depends only on the previous one.
  size_t buffer[kMaxStringSize];
  size_t tmp = kMoveCost;
  for (size_t i = 0; i < a.size(); i++) {
    buffer[i] = tmp;
    tmp += kMoveCost;
  }
  size_t result = 0;
  for (size_t bi = 0; bi < b.size(); bi++) {
    char code = b[bi];
    size_t distance = result = bi * kMoveCost;
    size_t minimum = SIZE_MAX;
    for (size_t index = 0; index < a.size(); index++) {
      size_t substitute = distance + substitution_cost(code, a[index]);
      distance = buffer[index];
      size_t insert_delete = std::min(result, distance) + kMoveCost;
      result = std::min(insert_delete, substitute);
      buffer[index] = result;
      minimum = std::min(minimum, result);
    }
    if (minimum > max_cost) return max_cost + 1;
  }
  return result;
}

}  // namespace

// The closest of `candidates` to `name`, or nullptr.
StrObject* best_suggestion(const std::vector<StrObject*>& candidates, StrObject* name) {
  if (candidates.size() >= kMaxCandidates) return nullptr;
  size_t best_distance = SIZE_MAX;
  StrObject* best = nullptr;
  for (StrObject* item : candidates) {
    if (str_equal(item, name)) continue;
    // At most about a third of the characters may change, or the "suggestion" is just another name; and a later
    // candidate must be strictly closer, so ties go to the first in namespace order, as in CPython.
    size_t max_distance = (static_cast<size_t>(name->size) + static_cast<size_t>(item->size) + 3) * kMoveCost / 6;
    if (best_distance != SIZE_MAX) max_distance = std::min(max_distance, best_distance - 1);
    size_t d = levenshtein(name->view(), item->view(), max_distance);
    if (d > max_distance) continue;
    if (!best || d < best_distance) {
      best = item;
      best_distance = d;
    }
  }
  return best;
}

static void dict_keys_into(DictObject* d, std::vector<StrObject*>* out) {
  int64_t pos = 0;
  Value k, v;
  while (dict_next(d, &pos, &k, &v))
    if (is_str(k)) out->push_back(as_str(k));
}

// For a NameError raised in `frame`: locals, then globals, then builtins, as suggestions.c does.
StrObject* suggest_for_name(ThreadState&, Frame* frame, StrObject* name) {
  std::vector<StrObject*> candidates;
  // A module or class body has a locals dict; a function's locals are its fast slots, and only those bound now
  // count (an unbound local is no better a suggestion than a misspelling).
  if (frame->locals && is_dict(frame->locals)) {
    dict_keys_into(static_cast<DictObject*>(frame->locals.as_object()), &candidates);
  } else {
    CodeObj* code = frame->code;
    for (int i = 0; i < code->nlocalsplus; i++)
      if (frame->localsplus[i]) candidates.push_back(as_str(code->localsplusnames->items[i]));
  }
  if (StrObject* s = best_suggestion(candidates, name)) return s;
  candidates.clear();
  dict_keys_into(frame->globals, &candidates);
  if (StrObject* s = best_suggestion(candidates, name)) return s;
  candidates.clear();
  dict_keys_into(frame->builtins, &candidates);
  return best_suggestion(candidates, name);
}

// For an AttributeError on `obj`: the names dir(obj) lists.
StrObject* suggest_for_attribute(ThreadState& ts, Value obj, StrObject* name) {
  Value names = builtin_dir(ts, obj);
  if (!names) {
    // A __dir__ that raises must not replace the AttributeError being reported: no suggestion instead.
    ts.current_exception = Value();
    return nullptr;
  }
  std::vector<StrObject*> candidates;
  for (Value v : static_cast<ListObject*>(names.as_object())->span())
    if (is_str(v)) candidates.push_back(as_str(v));
  return best_suggestion(candidates, name);
}

}  // namespace minipy
