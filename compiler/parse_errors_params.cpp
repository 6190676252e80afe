// CPython 3.11's errors for malformed parameter lists of `def` and `lambda` (python.gram's invalid_parameters,
// invalid_lambda_parameters, invalid_default, invalid_star_etc, invalid_kwds and their lambda twins), for a list
// Bison's cover rule refused. CPython finds these in its second, error-reporting pass, trying its rules left to
// right with backtracking; the first invalid_* rule that matches wins. Here the list is cut at its top-level
// commas into items, each classified by shape (`name`, `name=value`, `name=`, `/`, `*name`, ...), and a small
// recursive descent over the items replays those rules in CPython's order, so the error chosen (and its place)
// is CPython's. A list well-formed enough for Bison is checked by build_arguments (parse_build.cpp) instead.
#include <optional>
#include <string>
#include <vector>

#include "compiler/parse_build.h"

namespace minipy::front {

namespace {

// One comma-separated piece of a parameter list, by shape.
enum class ItemKind {
  NoDefault,          // name[: annotation]
  WithDefault,        // name[: annotation] = value
  EmptyDefault,       // name[: annotation] =        (invalid_default, when a ',' or ')' follows)
  Slash,              // /
  SlashStar,          // / *...                      (a missing comma)
  Star,               // *
  StarParam,          // *name[: annotation]
  StarParamDefault,   // *name[: annotation] = ...
  DoubleStarParam,    // **name[: annotation]
  DoubleStarDefault,  // **name[: annotation] = ...
  Parenthesized,      // ( names ) ...
  Other,
};

struct Item {
  ItemKind kind = ItemKind::Other;
  int first = 0, last = 0;  // token range, inclusive
  int equal = -1;           // the '=' token of a default
  int param_end = -1;       // last token of `name[: annotation]` (the param node CPython points at)
  int close = -1;           // the ')' of a parenthesized item
  bool comma_after = false;
  bool broken = false;      // its default holds the token where the grammar failed: not a valid default
};

// The error found (message and token range), or none.
struct Found {
  std::string message;
  int first = -1, last = -1;
};

class ParamChecker {
 public:
  ParamChecker(const ParseContext& ctx, std::vector<Item> items, bool lambda)
      : ctx_(ctx), items_(std::move(items)), lambda_(lambda) {}

  // Replays invalid_parameters, then parameters with its invalid sub-rules; the error CPython reports, if one.
  // When no rule raises and an item is left over at or before token `error_idx` (where the cover grammar or
  // build_arguments stopped), it is "invalid syntax" where CPython's first pass gave up: after the name (and
  // annotation) of an item that starts as a parameter, else at the item's first token.
  std::optional<Found> check(int error_idx) {
    if (invalid_parameters() || found_) return found_;
    int rest = parameters();
    if (found_ || rest < 0 || rest >= size() || items_[rest].first > error_idx) return found_;
    const Item& item = items_[rest];
    if (item.broken) return found_;  // the error is inside its default value: the general reporter's
    TokenKind head = ctx_.tokens[item.first].kind;
    // A star item opens star_etc, which reads the token after the star; after star_etc began, only kwds looks.
    for (int p = 0; p < rest; ++p)
      if (starts_with(p, TokenKind::Star)) head = TokenKind::Comma;
    int at = item.param_end >= 0                                          ? item.param_end + 1
             : head == TokenKind::Star || head == TokenKind::DoubleStar ? item.first + 1
                                                                          : item.first;
    raise("invalid syntax", at, at);
    return found_;
  }

 private:
  int size() const { return static_cast<int>(items_.size()); }
  ItemKind kind(int p) const { return p < size() ? items_[p].kind : ItemKind::Other; }
  bool starts_with(int p, TokenKind k) const { return p < size() && ctx_.tokens[items_[p].first].kind == k; }

  bool raise(std::string message, int first, int last) {
    if (!found_) found_ = Found{std::move(message), first, last};
    return true;
  }

  // param_no_default
  int no_default(int p) const { return kind(p) == ItemKind::NoDefault ? p + 1 : -1; }
  // param_with_default; its `default` raises invalid_default on `name=` (lambda: only before a ',').
  int with_default(int p) {
    if (kind(p) == ItemKind::WithDefault) return p + 1;
    if (kind(p) == ItemKind::EmptyDefault) {
      int eq = items_[p].equal;
      raise("expected default value expression", eq, eq);
    }
    return -1;
  }
  int maybe_default(int p) { return no_default(p) >= 0 ? p + 1 : with_default(p); }
  int no_defaults(int p) const {
    while (no_default(p) >= 0) ++p;
    return p;
  }
  int maybe_defaults(int p) {
    for (int q; !found_ && (q = maybe_default(p)) >= 0;) p = q;
    return p;
  }
  int with_defaults(int p) {
    for (int q; !found_ && (q = with_default(p)) >= 0;) p = q;
    return p;
  }
  // slash_no_default: param_no_default+ '/'
  int slash_no_default(int p) const {
    int q = no_defaults(p);
    return q > p && kind(q) == ItemKind::Slash ? q + 1 : -1;
  }
  // slash_with_default: param_no_default* param_with_default+ '/'
  int slash_with_default(int p) {
    int q = no_defaults(p);
    int r = with_defaults(q);
    return !found_ && r > q && kind(r) == ItemKind::Slash ? r + 1 : -1;
  }
  int any_slash(int p) {
    int q = slash_no_default(p);
    return q >= 0 || found_ ? q : slash_with_default(p);
  }
  // The param node (name and annotation) of item p.
  bool raise_at_param(std::string message, int p) {
    return raise(std::move(message), items_[p].first, items_[p].param_end);
  }
  bool raise_at_first_token(std::string message, int p) {
    return raise(std::move(message), items_[p].first, items_[p].first);
  }

  bool invalid_parameters() {
    // param_no_default* invalid_parameters_helper param_no_default
    int q = no_defaults(0);
    int h = slash_with_default(q);
    if (found_) return true;
    if (h < 0) {
      h = with_defaults(q);
      if (found_) return true;
      if (h == q) h = -1;
    }
    if (h >= 0 && no_default(h) >= 0) return raise_at_param("non-default argument follows default argument", h);
    // param_no_default* '(' param_no_default+ ','? ')'
    if (kind(q) == ItemKind::Parenthesized) {
      const char* what = lambda_ ? "Lambda expression parameters cannot be parenthesized"
                                 : "Function parameters cannot be parenthesized";
      return raise(what, items_[q].first, items_[q].close);
    }
    // "/" ','
    if (kind(0) == ItemKind::Slash && items_[0].comma_after)
      return raise_at_first_token("at least one argument must precede /", 0);
    // (slash_no_default | slash_with_default) param_maybe_default* '/'
    int s = any_slash(0);
    if (found_) return true;
    if (s >= 0) {
      int r = maybe_defaults(s);
      if (found_) return true;
      if (starts_with(r, TokenKind::Slash)) return raise_at_first_token("/ may appear only once", r);
    }
    // (slash_no_default | slash_with_default)? param_maybe_default* '*' (',' | param_no_default)
    // param_maybe_default* '/'
    int r = maybe_defaults(s >= 0 ? s : 0);
    if (found_) return true;
    if ((kind(r) == ItemKind::Star && items_[r].comma_after) || kind(r) == ItemKind::StarParam) {
      int t = maybe_defaults(r + 1);
      if (found_) return true;
      if (starts_with(t, TokenKind::Slash)) return raise_at_first_token("/ must be ahead of *", t);
    }
    // param_maybe_default+ '/' '*'
    int m = maybe_defaults(0);
    if (found_) return true;
    if (m > 0 && kind(m) == ItemKind::SlashStar)
      return raise("expected comma between / and *", items_[m].first + 1, items_[m].first + 1);
    return false;
  }

  // parameters: its alternatives in order, each ending in an optional star_etc; errors raise on the way. Returns
  // the index of the first item it could not take.
  int parameters() {
    auto tail = [&](int p) { return p < 0 || found_ ? p : star_etc(p); };
    if (int p = slash_no_default(0); p >= 0) {
      p = no_defaults(p);
      return tail(with_defaults(p));
    }
    if (int p = slash_with_default(0); p >= 0 || found_) return tail(with_defaults(p));
    if (int p = no_defaults(0); p > 0) return tail(with_defaults(p));
    if (int p = with_defaults(0); p > 0 || found_) return tail(p);
    return star_etc(0);
  }

  int star_etc(int p) {
    // invalid_star_etc
    if (kind(p) == ItemKind::Star) {
      bool alone = !items_[p].comma_after;
      bool then_end = items_[p].comma_after && p + 1 >= size();
      bool then_kwds = items_[p].comma_after && starts_with(p + 1, TokenKind::DoubleStar);
      if (alone || then_end || then_kwds) {
        if (!lambda_) {
          raise_at_first_token("named arguments must follow bare *", p);
        } else {
          // A plain RAISE_SYNTAX_ERROR: at the last token read (the ':' or the '**').
          int at = then_kwds ? items_[p + 1].first : items_[p].last + (then_end ? 2 : 1);
          raise("named arguments must follow bare *", at, at);
        }
        return p;
      }
    }
    if (kind(p) == ItemKind::StarParamDefault) {
      int eq = items_[p].equal;
      raise("var-positional argument cannot have default value", eq, eq);
      return p;
    }
    if ((kind(p) == ItemKind::Star && items_[p].comma_after) || kind(p) == ItemKind::StarParam) {
      int q = maybe_defaults(p + 1);
      if (found_) return q;
      if ((kind(q) == ItemKind::Star && items_[q].comma_after) || kind(q) == ItemKind::StarParam) {
        raise_at_first_token("* argument may appear only once", q);
        return q;
      }
      return kwds(q);
    }
    return kwds(p);
  }

  int kwds(int p) {
    if (kind(p) == ItemKind::DoubleStarDefault) {
      int eq = items_[p].equal;
      raise("var-keyword argument cannot have default value", eq, eq);
      return p;
    }
    if (kind(p) != ItemKind::DoubleStarParam) return p;
    if (items_[p].comma_after && p + 1 < size()) {
      ItemKind next = kind(p + 1);
      if (next == ItemKind::NoDefault || next == ItemKind::WithDefault || next == ItemKind::EmptyDefault) {
        raise_at_param("arguments cannot follow var-keyword argument", p + 1);
      } else if (starts_with(p + 1, TokenKind::Star) || starts_with(p + 1, TokenKind::DoubleStar) ||
                 starts_with(p + 1, TokenKind::Slash)) {
        raise_at_first_token("arguments cannot follow var-keyword argument", p + 1);
      }
    }
    return p + 1;
  }

  const ParseContext& ctx_;
  std::vector<Item> items_;
  bool lambda_;
  std::optional<Found> found_;
};

bool is_open(TokenKind k) { return k == TokenKind::LPar || k == TokenKind::LSqb || k == TokenKind::LBrace; }
bool is_close(TokenKind k) { return k == TokenKind::RPar || k == TokenKind::RSqb || k == TokenKind::RBrace; }

// Classifies tokens [first, last] (one item, without its comma); `lambda` lists have no annotations.
Item classify(const ParseContext& ctx, int first, int last, bool lambda) {
  Item item;
  item.first = first;
  item.last = last;
  auto kind_at = [&](int i) { return i <= last ? ctx.tokens[i].kind : TokenKind::EndMarker; };
  // `name[: annotation]` from token i: the index after it, or -1; sets param_end and equal.
  auto param = [&](int i) {
    if (kind_at(i) != TokenKind::Name) return -1;
    int end = i;
    if (!lambda && kind_at(i + 1) == TokenKind::Colon) {
      int depth = 0;
      for (end = i + 2; end <= last; ++end) {
        TokenKind k = ctx.tokens[end].kind;
        if (depth == 0 && k == TokenKind::Equal) break;
        depth += is_open(k) ? 1 : is_close(k) ? -1 : 0;
      }
      if (end == i + 2) return -1;  // `name:` without its annotation
      --end;
    }
    item.param_end = end;
    if (kind_at(end + 1) == TokenKind::Equal) item.equal = end + 1;
    return end + 1;
  };
  TokenKind k0 = kind_at(first);
  if (k0 == TokenKind::Slash) {
    item.kind = first == last ? ItemKind::Slash : kind_at(first + 1) == TokenKind::Star ? ItemKind::SlashStar
                                                                                         : ItemKind::Other;
  } else if (k0 == TokenKind::Star || k0 == TokenKind::DoubleStar) {
    bool dbl = k0 == TokenKind::DoubleStar;
    if (first == last) {
      item.kind = dbl ? ItemKind::Other : ItemKind::Star;
    } else if (int after = param(first + 1); after > last) {
      item.kind = dbl ? ItemKind::DoubleStarParam : ItemKind::StarParam;
    } else if (after >= 0 && item.equal >= 0) {
      item.kind = dbl ? ItemKind::DoubleStarDefault : ItemKind::StarParamDefault;
    }
  } else if (k0 == TokenKind::Name) {
    int after = param(first);
    if (after > last) item.kind = ItemKind::NoDefault;
    else if (after >= 0 && item.equal == last) item.kind = ItemKind::EmptyDefault;
    else if (after >= 0 && item.equal >= 0) item.kind = ItemKind::WithDefault;
  } else if (k0 == TokenKind::LPar) {
    // '(' names separated by commas, optionally one trailing ')'
    int close = matching_close(ctx, first);
    bool names = close > first + 1 && close <= last;
    for (int i = first + 1; names && i < close; ++i) {
      TokenKind k = ctx.tokens[i].kind;
      bool want_name = (i - first) % 2 == 1;
      names = want_name ? k == TokenKind::Name : k == TokenKind::Comma;
    }
    if (names) {
      item.kind = ItemKind::Parenthesized;
      item.close = close;
    }
  }
  return item;
}

// Cuts tokens [first, last] at their top-level commas (a trailing comma ends the list).
std::vector<Item> split_items(const ParseContext& ctx, int first, int last, bool lambda) {
  std::vector<Item> items;
  int depth = 0, start = first;
  for (int i = first; i <= last + 1; ++i) {
    bool end = i > last;
    TokenKind k = end ? TokenKind::Comma : ctx.tokens[i].kind;
    if (!end) depth += is_open(k) ? 1 : is_close(k) ? -1 : 0;
    if (depth != 0 || k != TokenKind::Comma) continue;
    if (i == start) {
      // Nothing before this comma: an empty item (`a,,b`, `(,)`) that no rule takes; a trailing comma ends the list.
      if (!end) {
        Item empty;
        empty.first = empty.last = i;
        empty.comma_after = true;
        items.push_back(empty);
      }
    } else {
      Item item = classify(ctx, start, i - 1, lambda);
      item.comma_after = !end;
      // A lambda's `name=` is invalid_lambda_default only before a ',' (its list ends at ':', not ')').
      if (lambda && item.kind == ItemKind::EmptyDefault && !item.comma_after) item.kind = ItemKind::Other;
      items.push_back(item);
    }
    start = i + 1;
  }
  return items;
}

}  // namespace

bool report_invalid_parameters(ParseContext& ctx, int idx) {
  // The parameter list holding token idx: a `def NAME (` whose ')' is still open, or a `lambda` whose ':' is
  // not reached yet at the error's bracket depth.
  int depth = 0, open = -1, lambda_at = -1;
  bool colon_seen = false;
  for (int i = idx - 1; i >= 0; --i) {
    TokenKind k = ctx.tokens[i].kind;
    if (k == TokenKind::Newline || k == TokenKind::Indent || k == TokenKind::Dedent || k == TokenKind::Semi) break;
    if (is_close(k)) ++depth;
    if (is_open(k) && depth-- == 0) {
      if (k == TokenKind::LPar && i >= 2 && ctx.tokens[i - 1].kind == TokenKind::Name &&
          ctx.tokens[i - 2].kind == TokenKind::KwDef) {
        open = i;
        break;
      }
      depth = 0;  // out into the enclosing brackets, where the colons seen so far do not count
      colon_seen = false;
      continue;
    }
    // A ':' at this depth is an annotation in a def's list, or ends a lambda's: no lambda holds idx then.
    if (depth == 0 && k == TokenKind::Colon) colon_seen = true;
    if (depth == 0 && k == TokenKind::KwLambda && !colon_seen) {
      lambda_at = i;
      break;
    }
  }
  int first, last;
  bool lambda = lambda_at >= 0;
  if (lambda) {
    // The list ends at the ':' (a nested lambda in a default takes one ':' of its own).
    int nested = 0, d = 0, i = lambda_at + 1, n = static_cast<int>(ctx.tokens.size());
    for (; i < n; ++i) {
      TokenKind k = ctx.tokens[i].kind;
      if (k == TokenKind::Newline || k == TokenKind::EndMarker) return false;
      d += is_open(k) ? 1 : is_close(k) ? -1 : 0;
      if (d < 0) return false;
      if (d == 0 && k == TokenKind::KwLambda) ++nested;
      if (d == 0 && k == TokenKind::Colon && nested-- == 0) break;
    }
    if (i >= n) return false;
    first = lambda_at + 1;
    last = i - 1;
  } else if (open >= 0) {
    int close = matching_close(ctx, open);
    if (close < 0) return false;
    first = open + 1;
    last = close - 1;
  } else {
    return false;
  }
  if (last < first) return false;
  std::vector<Item> items = split_items(ctx, first, last, lambda);
  for (Item& item : items) {
    if (item.kind != ItemKind::EmptyDefault && item.equal >= 0 && item.equal < idx && idx <= item.last + 1) {
      item.kind = ItemKind::Other;
      item.broken = true;
    }
  }
  ParamChecker checker(ctx, std::move(items), lambda);
  std::optional<Found> found = checker.check(idx);
  if (!found) return false;
  Span span = ctx.token_span(found->first);
  Span end = ctx.token_span(found->last);
  span.end_line = end.end_line;
  span.end_col = end.end_col;
  ctx.fail(found->message, span);
  return true;
}

}  // namespace minipy::front
