// Parses the `kinds` column of compiler/opcodes.def (grammar there; types in verify_kinds.h).
#include "cache/verify_kinds.h"

#include <fmt/format.h>

#include <optional>

namespace minipy {

namespace {

// Indexed by ValueKind (both come from MINIPY_VALUE_KINDS, so they cannot drift apart).
constexpr std::string_view kKindNames[] = {
#define MINIPY_VALUE_KIND_NAME(name) #name,
    MINIPY_VALUE_KINDS(MINIPY_VALUE_KIND_NAME)
#undef MINIPY_VALUE_KIND_NAME
};

std::optional<ValueKind> kind_named(std::string_view name) {
  for (size_t i = 0; i < std::size(kKindNames); i++)
    if (kKindNames[i] == name) return static_cast<ValueKind>(i);
  return std::nullopt;
}

// "N", "oparg" or "oparg+N": the only depth forms opcodes.def needs (an operand counts items, a constant skips
// fixed ones). Anything else is a typo in the table, reported by check_kinds_column rather than guessed at.
std::optional<DepthTerm> parse_depth(std::string_view text) {
  DepthTerm term;
  if (text.starts_with("oparg")) {
    term.uses_oparg = true;
    text.remove_prefix(5);
    if (text.empty()) return term;
    if (text[0] != '+') return std::nullopt;
    text.remove_prefix(1);
  }
  if (text.empty()) return std::nullopt;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    term.add = term.add * 10 + (c - '0');
  }
  return term;
}

std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> words;
  while (!text.empty()) {
    size_t start = text.find_first_not_of(' ');
    if (start == std::string_view::npos) break;
    size_t end = text.find(' ', start);
    words.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end);
  }
  return words;
}

// Parses one row's text into `rule`; the reason on failure.
std::string parse_rule(std::string_view text, StackRule& rule) {
  std::string_view before = text, after;
  if (size_t dashes = text.find("--"); dashes != std::string_view::npos) {
    before = text.substr(0, dashes);
    after = text.substr(dashes + 2);
  }
  for (std::string_view word : split_words(before)) {
    size_t at = word.find('@');
    if (at == std::string_view::npos) return fmt::format("requirement '{}' has no @depth", word);
    StackRequirement req;
    std::string_view kinds = word.substr(0, at), depths = word.substr(at + 1);
    if (kinds == "Value") req.demand = StackRequirement::Demand::Value;
    else if (kinds == "Opt") req.demand = StackRequirement::Demand::Opt;
    else {
      size_t start = 0;
      while (start <= kinds.size()) {
        size_t bar = kinds.find('|', start);
        std::string_view one = kinds.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start);
        auto kind = kind_named(one);
        if (!kind) return fmt::format("unknown kind '{}'", one);
        req.kinds |= 1u << static_cast<unsigned>(*kind);
        if (bar == std::string_view::npos) break;
        start = bar + 1;
      }
    }
    size_t range = depths.find("..");
    auto low = parse_depth(depths.substr(0, range));
    auto high = range == std::string_view::npos ? low : parse_depth(depths.substr(range + 2));
    if (!low || !high) return fmt::format("bad depth in '{}'", word);
    req.low = *low;
    req.high = *high;
    rule.requirements.push_back(req);
  }
  for (std::string_view word : split_words(after)) {
    StackResult result;
    if (word.starts_with('@')) {
      auto depth = parse_depth(word.substr(1));
      if (!depth) return fmt::format("bad copy '{}'", word);
      result.is_copy = true;
      result.copy_of = *depth;
    } else {
      auto kind = kind_named(word);
      if (!kind) return fmt::format("unknown kind '{}'", word);
      result.kind = *kind;
    }
    rule.results.push_back(result);
  }
  return {};
}

// The whole column, parsed on first use and kept: the verifier asks for a rule per instruction of every code
// object it checks, and the table never changes while the program runs.
struct ParsedColumn {
  std::array<StackRule, kFirstPseudoOpcode> rules;
  std::string first_problem;
};

const ParsedColumn& parsed_column() {
  static const ParsedColumn column = [] {
    ParsedColumn c;
    for (int op = 0; op < kFirstPseudoOpcode; op++) {
      if (kOpcodeTable[op].name.empty()) continue;
      std::string why = parse_rule(kOpcodeTable[op].kinds, c.rules[static_cast<size_t>(op)]);
      // Only the first problem is kept: a unit test calls check_kinds_column and fails on it, so a bad row is a
      // build-time finding and the verifier itself never runs with a half-parsed rule in doubt.
      if (!why.empty() && c.first_problem.empty())
        c.first_problem = fmt::format("{}: {}", kOpcodeTable[op].name, why);
    }
    return c;
  }();
  return column;
}

}  // namespace

const StackRule& stack_rule(int opcode) { return parsed_column().rules[static_cast<size_t>(opcode)]; }

std::string check_kinds_column() { return parsed_column().first_problem; }

}  // namespace minipy
