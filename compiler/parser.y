// The Python 3.11 grammar as an LALR(1) Bison grammar producing ast.h nodes.
// CPython's PEG grammar is the reference; where LALR needs a wider "cover" rule (assignment targets, keyword
// arguments, parameter lists) the rule accepts more and parse_build.cpp checks what CPython's grammar would.
// Spans: Bison's default location covers first..last symbol, which is CPython's node range almost everywhere;
// blocks take the span of their last statement so compound statements end where CPython says.
// Speed: every reduction is a parser step, so the grammar avoids chains of unit rules where it can (see README).
%require "3.8"
// Bison's C skeleton (yacc.c), compiled as C++: its stack is three flat arrays (states, values, spans) that a
// shift or a reduction writes in place, where the C++ skeleton (lalr1.cc) built, moved and pushed a 64-byte
// symbol object per step through a std::vector (about 120 instructions per shift or reduction against ~40).
%define api.prefix {minipy_py}
%define api.pure full
%define api.token.prefix {T_}
// Token numbers are the grammar's symbol numbers, so no translation table sits between the feed and the tables.
%define api.token.raw
%define api.location.type {minipy::front::Span}
%define api.value.type {minipy::front::SemanticValue}
%define parse.error custom
%define lr.default-reduction accepting
%locations
%param {minipy::front::ParseContext& ctx}
%initial-action { @$ = minipy::front::Span{}; }

%code requires {
#include <utility>
#include <vector>
#include "compiler/parse_context.h"
namespace minipy::front {
using namespace ::minipy::ast;  // the semantic value types are AST nodes
// One parser stack entry's value: what each grammar symbol carries (the %type tags name the members).
union SemanticValue {
  int tok;
  TokRange range;
  Expr* expr;
  Stmt* stmt;
  Arg* arg;
  ExceptHandler* handler;
  Comprehension* comp;
  WithItem* withitem;
  Alias* alias;
  CmpOpKind cmpop;
  OperatorKind binop;
  ParamItem* param_item;  // items are arena records, so a stack entry stays 16 bytes
  CallArg* call_arg;
  BraceItem* brace;
  Vec<Stmt*> stmts;
  Vec<Expr*> exprs;
  Vec<CmpItem> cmps;
  Vec<ExceptHandler*> handlers;
  Vec<Comprehension*> comps;
  Vec<ParamItem> params;
  Vec<CallArg> call_args;
  Vec<BraceItem> braces;
  Vec<WithItem*> withitems;
  Vec<Alias*> aliases;
  Vec<int> ints;
  Pattern* pattern;
  Vec<Pattern*> patterns;
  MatchCase* mcase;
  Vec<MatchCase*> mcases;
  Vec<KeyPatternItem> kpitems;
  KeyPatternItem* kpitem;
  Vec<ClassPatternArg> cpargs;
  ClassPatternArg* cparg;
};
static_assert(sizeof(SemanticValue) == 16, "each shift and reduction copies one");
// The token feed (parse_feed.cpp): the next grammar token, its value (the token's index) and span, for the tokens
// passes_through() does not let through directly.
int feed_token(SemanticValue* value, Span* location, ParseContext& ctx);
}
// Both are plain data, so the C skeleton may grow its stacks with memcpy (without these it stops at 200 entries).
#define MINIPY_PYSTYPE_IS_TRIVIAL 1
#define MINIPY_PYLTYPE_IS_TRIVIAL 1
}

// tokens.def is the one token table; the grammar's token numbers are Bison's, so the mapping is generated from the
// same table rather than kept in step by hand.
%code provides {
namespace minipy::front {
inline int grammar_token(TokenKind kind) {
  switch (kind) {
#define MINIPY_TOKEN(kind, spelling) case TokenKind::kind: return T_##kind;
#define MINIPY_OPERATOR(kind, spelling) case TokenKind::kind: return T_##kind;
#define MINIPY_KEYWORD(kind, spelling) case TokenKind::Kw##kind: return T_Kw##kind;
#include "compiler/tokens.def"
    case TokenKind::Count: break;
  }
  return T_Error;
}
}  // namespace minipy::front
}

%code {
#include <cstddef>
#include <cstring>

#include "compiler/parse_build.h"
using namespace minipy;
using namespace minipy::ast;
using namespace minipy::front;
// Most tokens go straight from the token vector to the grammar; the feed decides about the others.
static inline int minipy_pylex(SemanticValue* value, Span* location, ParseContext& ctx) {
  int idx = ctx.next_token;
  if (idx > 0) {
    const minipy::Token& t = ctx.tokens[idx];
    if (passes_through(t.kind, ctx.tokens[idx - 1].kind)) {
      value->tok = idx;
      ctx.lookahead_token = idx;
      *location = Span{t.line, t.col, t.end_line, t.end_col};
      ctx.next_token = idx + 1;
      return grammar_token(t.kind);
    }
  }
  return feed_token(value, location, ctx);
}
static void minipy_pyerror(const Span* location, ParseContext& ctx, const char* message) {
  if (!ctx.failed()) ctx.fail(message, *location);
}
// A rule's span runs from its first symbol's start to its last symbol's end (an empty rule: an empty span at the
// end of the symbol before it). Each half is one 8-byte copy: this runs on every reduction.
static inline void join_spans(Span& cur, const Span& first, const Span& last) {
  static_assert(offsetof(Span, col) == offsetof(Span, line) + sizeof(int) &&
                offsetof(Span, end_col) == offsetof(Span, end_line) + sizeof(int));
  std::memcpy(&cur.line, &first.line, 2 * sizeof(int));
  std::memcpy(&cur.end_line, &last.end_line, 2 * sizeof(int));
}
#define YYLLOC_DEFAULT(Cur, Rhs, N)                                                                  \
  do {                                                                                               \
    if (N) {                                                                                         \
      join_spans((Cur), YYRHSLOC(Rhs, 1), YYRHSLOC(Rhs, N));                                         \
    } else {                                                                                         \
      (Cur).line = (Cur).end_line = YYRHSLOC(Rhs, 0).end_line;                                       \
      (Cur).col = (Cur).end_col = YYRHSLOC(Rhs, 0).end_col;                                          \
    }                                                                                                \
  } while (0)
// Actions that hit a semantic error record it in ctx and stop the parse.
#define CHECK(x) do { if (!(x) || ctx.failed()) YYABORT; } while (0)
// The C++ skeleton's stack had no limit; deeply nested source is limited by the tokenizer, not by this.
#define YYMAXDEPTH 10000000
}

// Every lexer token carries its index in ctx.tokens.
%token <tok> EndMarker Name Number String Newline Indent Dedent Error Unknown WithLPar
// The soft keywords `match` and `case` where the feed found them opening a statement / a case clause.
%token <tok> MatchKw CaseKw
%token <tok> LPar "(" RPar ")" LSqb "[" RSqb "]" LBrace "{" RBrace "}" Colon ":" Comma "," Semi ";"
%token <tok> Plus "+" Minus "-" Star "*" Slash "/" VBar "|" Amper "&" Less "<" Greater ">" Equal "="
%token <tok> Dot "." Percent "%" EqEqual "==" NotEqual "!=" LessEqual "<=" GreaterEqual ">=" Tilde "~"
%token <tok> Circumflex "^" LeftShift "<<" RightShift ">>" DoubleStar "**" PlusEqual "+=" MinEqual "-="
%token <tok> StarEqual "*=" SlashEqual "/=" PercentEqual "%=" AmperEqual "&=" VBarEqual "|="
%token <tok> CircumflexEqual "^=" LeftShiftEqual "<<=" RightShiftEqual ">>=" DoubleStarEqual "**="
%token <tok> DoubleSlash "//" DoubleSlashEqual "//=" At "@" AtEqual "@=" RArrow "->" Ellipsis "..."
%token <tok> ColonEqual ":="
%token <tok> KwFalse "False" KwNone "None" KwTrue "True" KwAnd "and" KwAs "as" KwAssert "assert"
%token <tok> KwAsync "async" KwAwait "await" KwBreak "break" KwClass "class" KwContinue "continue"
%token <tok> KwDef "def" KwDel "del" KwElif "elif" KwElse "else" KwExcept "except" KwFinally "finally"
%token <tok> KwFor "for" KwFrom "from" KwGlobal "global" KwIf "if" KwImport "import" KwIn "in" KwIs "is"
%token <tok> KwLambda "lambda" KwNonlocal "nonlocal" KwNot "not" KwOr "or" KwPass "pass" KwRaise "raise"
%token <tok> KwReturn "return" KwTry "try" KwWhile "while" KwWith "with" KwYield "yield"
// Synthesised by the driver to select the start symbol of compile()'s mode.
%token StartExec StartEval StartSingle

// Lowest first. `or`, `and` and `not` order the one `disj` rule; the postfix "." "(" "[" bind tightest.
%left "or"
%left "and"
%precedence "not"
%left "|"
%left "^"
%left "&"
%left "<<" ">>"
%left "+" "-"
%left "*" "/" "%" "//" "@"
%precedence UNARY
%right "**"
%precedence "." "(" "["

%type <stmts> stmts stmt_line stmt simple_stmts simple_stmt_list block else_block elif_chain finally_block
%type <stmt> simple_stmt compound_stmt funcdef classdef if_stmt while_stmt for_stmt try_stmt with_stmt
%type <stmt> import_stmt return_stmt raise_stmt global_stmt nonlocal_stmt del_stmt assert_stmt decorated
%type <stmt> async_stmt match_stmt
%type <expr> match_subject subj_item pattern_literal pattern_key pattern_attr pattern_signed_number
%type <exprs> subj_head
%type <pattern> patterns pattern or_pattern closed_pattern maybe_star_pattern star_pattern
%type <patterns> or_chain_pattern pattern_head open_sequence_pattern maybe_sequence_pattern
%type <mcase> case_block
%type <mcases> case_blocks
%type <kpitems> mapping_items
%type <kpitem> mapping_item double_star_pattern
%type <cpargs> class_args class_arg_items
%type <cparg> class_arg
%type <expr> name_or_attr
%type <tok> error_target
%type <expr> bexpr star_expr named_expr test dexpr primary atom_leaf
%type <expr> lambdef yield_expr testlist_star_expr exprlist opt_test subscript slices
%type <expr> paren_atom list_atom brace_atom strings opt_returns eval_expr
%type <exprs> tlse_items exprlist_items elt_list subscript_list decorators assign_targets
%type <exprs> comp_ifs test_items
%type <cmps> comp_tail
%type <cmpop> comp_op
%type <binop> augassign
%type <handlers> handlers
%type <handler> handler
%type <comps> comp_for
%type <comp> comp_clause
%type <params> params param_items lparams lparam_items
%type <param_item> param_item lparam_item
%type <arg> param lparam
%type <call_args> call_args arg_items
%type <call_arg> arg
%type <braces> brace_items
%type <brace> brace_item
%type <withitems> with_items
%type <withitem> with_item
%type <aliases> dotted_as_names import_as_names import_targets
%type <alias> dotted_as_name import_as_name
%type <ints> dotted_name name_list
%type <tok> import_dots opt_import_dots opt_comma
%type <range> string_seq

%start input

%%

// python.gram: file, interactive, eval (the start symbol is picked by a synthesised token per compile() mode)
input:
    StartExec stmts EndMarker { finish_module(ctx, ParseMode::Exec, $2, nullptr); }
  | StartSingle stmt EndMarker { finish_module(ctx, ParseMode::Single, $2, nullptr); }
  | StartEval eval_expr newlines EndMarker { finish_module(ctx, ParseMode::Eval, {}, $2); }
  ;

// python.gram: eval's NEWLINE* before ENDMARKER
newlines: %empty | newlines Newline ;

// compile()'s 'eval' input: expressions without starred items.
// python.gram: eval: expressions
eval_expr:
    test_items { $$ = $1.size() == 1 ? $1[0] : make_tuple_expr(ctx, $1, @$); }
  | test_items "," { $$ = make_tuple_expr(ctx, $1, @$); }
  ;

// python.gram: statements. A line of simple statements appends straight to the enclosing list (stmt_line), so
// a statement costs no list of its own. The list spans up to its last statement (or that line's trailing ';').
stmts:
    %empty { $$ = {}; }
  | stmts compound_stmt { $$ = $1; push(ctx, $$, $2); }
  | stmt_line Newline { $$ = $1; @$ = @1; }
  | stmt_line ";" Newline { $$ = $1; @$ = span_of(@1, @2); }
  ;
// python.gram: simple_stmts' `';'.simple_stmt+`, accumulated into the enclosing statements list
stmt_line:
    stmts simple_stmt { $$ = $1; push(ctx, $$, $2); }
  | stmt_line ";" simple_stmt { $$ = $1; push(ctx, $$, $3); }
  ;

// python.gram: statement (single mode's one statement)
stmt:
    simple_stmts { $$ = ($1); }
  | compound_stmt { $$ = vec1(ctx, $1); }
  ;

// A line of simple statements spans them and a trailing ';' (CPython ends enclosing blocks there), not the NEWLINE.
// python.gram: simple_stmts
simple_stmts:
    simple_stmt_list Newline { $$ = ($1); @$ = @1; }
  | simple_stmt_list ";" Newline { $$ = ($1); @$ = span_of(@1, @2); }
  ;

// python.gram: simple_stmts' `';'.simple_stmt+`
simple_stmt_list:
    simple_stmt { $$ = vec1(ctx, $1); }
  | simple_stmt_list ";" simple_stmt { $$ = $1; push(ctx, $$, $3); }
  ;

// python.gram: simple_stmt; assignment, star_expressions (an expression statement) and augassign inline, so an
// expression statement is one reduction.
simple_stmt:
    testlist_star_expr { $$ = make_stmt<ExprStmt>(ctx, @$, $1); }
  | yield_expr { $$ = make_stmt<ExprStmt>(ctx, @$, $1); }
  | testlist_star_expr augassign testlist_star_expr { CHECK($$ = build_augassign(ctx, $1, $2, $3, @$)); }
  | testlist_star_expr augassign yield_expr { CHECK($$ = build_augassign(ctx, $1, $2, $3, @$)); }
  | testlist_star_expr ":" test { CHECK($$ = build_annassign(ctx, $1, $3, nullptr, @$)); }
  | testlist_star_expr ":" test "=" testlist_star_expr { CHECK($$ = build_annassign(ctx, $1, $3, $5, @$)); }
  | testlist_star_expr ":" test "=" yield_expr { CHECK($$ = build_annassign(ctx, $1, $3, $5, @$)); }
  | assign_targets testlist_star_expr { CHECK($$ = build_assign(ctx, $1, $2, @$)); }
  | assign_targets yield_expr { CHECK($$ = build_assign(ctx, $1, $2, @$)); }
  | del_stmt
  | "pass" { $$ = make_stmt<Pass>(ctx, @$); }
  | "break" { $$ = make_stmt<Break>(ctx, @$); }
  | "continue" { $$ = make_stmt<Continue>(ctx, @$); }
  | return_stmt
  | raise_stmt
  | global_stmt
  | nonlocal_stmt
  | import_stmt
  | assert_stmt
  ;

// python.gram: star_targets (a cover rule: parse_build.cpp checks what star_targets would accept)
assign_targets:
    testlist_star_expr "=" { $$ = vec1(ctx, $1); }
  | yield_expr "=" { $$ = vec1(ctx, $1); }
  | assign_targets testlist_star_expr "=" { $$ = $1; push(ctx, $$, $2); }
  | assign_targets yield_expr "=" { $$ = $1; push(ctx, $$, $2); }
  ;

// python.gram: augassign
augassign:
    "+=" { $$ = OperatorKind::Add; } | "-=" { $$ = OperatorKind::Sub; } | "*=" { $$ = OperatorKind::Mult; }
  | "@=" { $$ = OperatorKind::MatMult; } | "/=" { $$ = OperatorKind::Div; } | "%=" { $$ = OperatorKind::Mod; }
  | "&=" { $$ = OperatorKind::BitAnd; } | "|=" { $$ = OperatorKind::BitOr; } | "^=" { $$ = OperatorKind::BitXor; }
  | "<<=" { $$ = OperatorKind::LShift; } | ">>=" { $$ = OperatorKind::RShift; }
  | "**=" { $$ = OperatorKind::Pow; } | "//=" { $$ = OperatorKind::FloorDiv; }
  ;

// python.gram: del_stmt, del_targets
del_stmt: "del" exprlist_items opt_comma { CHECK($$ = build_delete(ctx, $2, @$)); } ;

// python.gram: the optional trailing `[',']` of del_targets, import_from_targets, items_pattern and others
opt_comma: %empty { $$ = 0; } | "," { $$ = 1; } ;

// python.gram: return_stmt
return_stmt:
    "return" { $$ = make_stmt<Return>(ctx, @$, nullptr); }
  | "return" testlist_star_expr { $$ = make_stmt<Return>(ctx, @$, $2); }
  ;

// python.gram: raise_stmt
raise_stmt:
    "raise" { $$ = make_stmt<Raise>(ctx, @$, nullptr, nullptr); }
  | "raise" test { $$ = make_stmt<Raise>(ctx, @$, $2, nullptr); }
  | "raise" test "from" test { $$ = make_stmt<Raise>(ctx, @$, $2, $4); }
  ;

// python.gram: global_stmt, nonlocal_stmt
global_stmt: "global" name_list { $$ = make_global(ctx, $2, false, @$); } ;
nonlocal_stmt: "nonlocal" name_list { $$ = make_global(ctx, $2, true, @$); } ;
name_list: Name { $$ = vec1(ctx, $1); } | name_list "," Name { $$ = $1; push(ctx, $$, $3); } ;

// python.gram: assert_stmt
assert_stmt:
    "assert" test { $$ = make_stmt<Assert>(ctx, @$, $2, nullptr); }
  | "assert" test "," test { $$ = make_stmt<Assert>(ctx, @$, $2, $4); }
  ;

// python.gram: import_stmt: import_name | import_from
import_stmt:
    "import" dotted_as_names { $$ = make_stmt<Import>(ctx, @$, to_list(ctx, $2)); }
  | "from" opt_import_dots dotted_name "import" import_targets { $$ = make_import_from(ctx, $2, &$3, $5, @$); }
  | "from" import_dots "import" import_targets { $$ = make_import_from(ctx, $2, nullptr, $4, @$); }
  ;
// python.gram: import_from's `('.' | '...')*` and `('.' | '...')+`, counted as a level ('...' is one token worth 3)
opt_import_dots: %empty { $$ = 0; } | import_dots ;
import_dots:
    "." { $$ = 1; } | "..." { $$ = 3; }
  | import_dots "." { $$ = $1 + 1; } | import_dots "..." { $$ = $1 + 3; }
  ;
// python.gram: import_from_targets
import_targets:
    "*" { $$ = vec1(ctx, make_alias(ctx, Identifier{"*"}, -1, @1)); }
  | "(" import_as_names opt_comma ")" { $$ = ($2); }
  | import_as_names { $$ = ($1); }
  ;
// python.gram: import_from_as_names
import_as_names: import_as_name { $$ = vec1(ctx, $1); } | import_as_names "," import_as_name { $$ = $1; push(ctx, $$, $3); } ;
// python.gram: import_from_as_name
import_as_name:
    Name { $$ = make_alias(ctx, identifier(ctx, $1), -1, @$); }
  | Name "as" Name { $$ = make_alias(ctx, identifier(ctx, $1), $3, @$); }
  ;
// python.gram: dotted_as_names
dotted_as_names: dotted_as_name { $$ = vec1(ctx, $1); } | dotted_as_names "," dotted_as_name { $$ = $1; push(ctx, $$, $3); } ;
// python.gram: dotted_as_name
dotted_as_name:
    dotted_name { $$ = make_alias(ctx, join_dotted(ctx, $1), -1, @$); }
  | dotted_name "as" Name { $$ = make_alias(ctx, join_dotted(ctx, $1), $3, @$); }
  ;
// python.gram: dotted_name
dotted_name: Name { $$ = vec1(ctx, $1); } | dotted_name "." Name { $$ = $1; push(ctx, $$, $3); } ;

// ---- compound statements ----------------------------------------------------------------------------------
// python.gram: compound_stmt
compound_stmt: if_stmt | while_stmt | for_stmt | try_stmt | with_stmt | funcdef | classdef | decorated
  | async_stmt | match_stmt ;

// `async def`, `async for`, `async with`: the synchronous node with the async kind, spanning from `async`.
// python.gram: the ASYNC forms of function_def_raw, for_stmt and with_stmt
async_stmt:
    "async" funcdef { $$ = make_async(ctx, $2, StmtKind::AsyncFunctionDef, @$); }
  | "async" for_stmt { $$ = make_async(ctx, $2, StmtKind::AsyncFor, @$); }
  | "async" with_stmt { $$ = make_async(ctx, $2, StmtKind::AsyncWith, @$); }
  ;

// ---- match (parse_match.cpp builds the nodes and checks what CPython's pattern grammar checks) ----------
// python.gram: match_stmt
match_stmt:
    MatchKw match_subject ":" Newline Indent case_blocks Dedent {
      @$ = span_of(@1, @6);
      $$ = make_stmt<Match>(ctx, @$, $2, to_list(ctx, $6));
    }
  ;
// python.gram: subject_expr
match_subject:
    named_expr
  | subj_head { $$ = make_tuple_expr(ctx, $1, @$); }
  | subj_head subj_item { push(ctx, $1, $2); $$ = make_tuple_expr(ctx, $1, @$); }
  ;
// python.gram: subject_expr's `star_named_expression ',' star_named_expressions?` (a tuple subject); subj_item is
// star_named_expression
subj_head: subj_item "," { $$ = vec1(ctx, $1); } | subj_head subj_item "," { $$ = $1; push(ctx, $$, $2); } ;
subj_item: named_expr | star_expr ;
// python.gram: match_stmt's case_block+
case_blocks: case_block { $$ = vec1(ctx, $1); } | case_blocks case_block { $$ = $1; push(ctx, $$, $2); } ;
// python.gram: case_block
case_block:
    CaseKw patterns ":" block { $$ = ctx.arena.make<MatchCase>($2, nullptr, to_list(ctx, $4)); @$ = @4; }
  | CaseKw patterns "if" named_expr ":" block { $$ = ctx.arena.make<MatchCase>($2, $4, to_list(ctx, $6)); @$ = @6; }
  ;
// python.gram: patterns
patterns:
    pattern
  | open_sequence_pattern { $$ = make_sequence_pattern(ctx, $1, @$); }
  ;
// python.gram: open_sequence_pattern
open_sequence_pattern:
    pattern_head
  | pattern_head maybe_star_pattern { $$ = $1; push(ctx, $$, $2); }
  ;
// python.gram: open_sequence_pattern's `maybe_star_pattern ','` and maybe_sequence_pattern's `','.maybe_star_pattern+`
pattern_head:
    maybe_star_pattern "," { $$ = vec1(ctx, $1); } | pattern_head maybe_star_pattern "," { $$ = $1; push(ctx, $$, $2); } ;
// python.gram: maybe_sequence_pattern
maybe_sequence_pattern:
    maybe_star_pattern { $$ = vec1(ctx, $1); }
  | open_sequence_pattern
  ;
// python.gram: maybe_star_pattern
maybe_star_pattern: star_pattern | pattern ;
// python.gram: star_pattern
star_pattern: "*" Name { $$ = make_star_pattern(ctx, $2, @$); } ;
// python.gram: pattern, as_pattern
pattern:
    or_pattern
  | or_pattern "as" Name { CHECK($$ = make_as_pattern(ctx, $1, $3, @$)); }
  | or_pattern "as" error_target { ctx.fail("invalid pattern target", @3); YYABORT; }
  ;
// python.gram: or_pattern
or_pattern:
    closed_pattern
  | or_chain_pattern { $$ = make_or_pattern(ctx, $1, @$); }
  ;
// python.gram: or_pattern's `'|'.closed_pattern+` with two or more alternatives (one is the closed_pattern itself)
or_chain_pattern:
    closed_pattern "|" closed_pattern { $$ = vec2(ctx, $1, $3); } | or_chain_pattern "|" closed_pattern { $$ = $1; push(ctx, $$, $3); } ;
// python.gram: closed_pattern
closed_pattern:
    pattern_literal { CHECK($$ = make_value_pattern(ctx, $1, @$)); }
  | "None" { $$ = make_singleton_pattern(ctx, Const::none(), @$); }
  | "True" { $$ = make_singleton_pattern(ctx, Const::boolean(true), @$); }
  | "False" { $$ = make_singleton_pattern(ctx, Const::boolean(false), @$); }
  | Name { $$ = make_capture_pattern(ctx, $1, @$); }
  | pattern_attr { CHECK($$ = make_value_pattern(ctx, $1, @$)); }
  | "(" pattern ")" { $$ = $2; }
  | "(" ")" { $$ = make_sequence_pattern(ctx, {}, @$); }
  | "(" open_sequence_pattern ")" { $$ = make_sequence_pattern(ctx, $2, @$); }
  | "[" "]" { $$ = make_sequence_pattern(ctx, {}, @$); }
  | "[" maybe_sequence_pattern "]" { $$ = make_sequence_pattern(ctx, $2, @$); }
  | "{" "}" { CHECK($$ = make_mapping_pattern(ctx, {}, @$)); }
  | "{" mapping_items opt_comma "}" { CHECK($$ = make_mapping_pattern(ctx, $2, @$)); }
  | name_or_attr "(" class_args ")" { CHECK($$ = make_class_pattern(ctx, $1, $3, @$)); }
  ;
// Literals as patterns and as mapping keys: numbers (signed, or real +/- imaginary) and strings.
// python.gram: literal_pattern
pattern_literal:
    pattern_signed_number
  | pattern_signed_number "+" Number { CHECK($$ = make_complex_literal(ctx, $1, OperatorKind::Add, $3, @3, @$)); }
  | pattern_signed_number "-" Number { CHECK($$ = make_complex_literal(ctx, $1, OperatorKind::Sub, $3, @3, @$)); }
  | strings  // an f-string is the compiler's error, as in CPython
  ;
// python.gram: signed_number
pattern_signed_number:
    Number { CHECK($$ = make_number(ctx, $1)); }
  | "-" Number { CHECK($$ = make_negative_number(ctx, $2, @$)); }
  ;
// python.gram: name_or_attr
name_or_attr: Name { $$ = make_name(ctx, $1); } | pattern_attr ;
pattern_attr: name_or_attr "." Name { $$ = make_attribute(ctx, $1, $3, @$); } ;
// python.gram: items_pattern
mapping_items:
    mapping_item { $$ = vec1(ctx, *$1); }
  | double_star_pattern { $$ = vec1(ctx, *$1); }
  | mapping_items "," mapping_item { $$ = $1; push(ctx, $$, *$3); }
  | mapping_items "," double_star_pattern { $$ = $1; push(ctx, $$, *$3); }
  ;
// python.gram: key_value_pattern
mapping_item: pattern_key ":" pattern { $$ = ctx.arena.make<KeyPatternItem>($1, $3, -1, @$); } ;
// python.gram: double_star_pattern
double_star_pattern: "**" Name { $$ = ctx.arena.make<KeyPatternItem>(nullptr, nullptr, $2, @$); } ;
// python.gram: key_value_pattern's key, `(literal_expr | attr)`
pattern_key:
    pattern_literal
  | pattern_attr
  | "None" { $$ = make_constant(ctx, Const::none(), @$); }
  | "True" { $$ = make_constant(ctx, Const::boolean(true), @$); }
  | "False" { $$ = make_constant(ctx, Const::boolean(false), @$); }
  ;
// python.gram: class_pattern (its arguments)
class_args: %empty { $$ = {}; } | class_arg_items opt_comma { $$ = ($1); } ;
class_arg_items: class_arg { $$ = vec1(ctx, *$1); } | class_arg_items "," class_arg { $$ = $1; push(ctx, $$, *$3); } ;
// python.gram: positional_patterns / keyword_pattern
class_arg:
    pattern { $$ = ctx.arena.make<ClassPatternArg>(-1, $1, @$); }
  | Name "=" pattern { $$ = ctx.arena.make<ClassPatternArg>($1, $3, @$); }
  ;
// python.gram: invalid_as_pattern's `!NAME expression`: the first tokens of a target that cannot be a capture name
error_target: Number | String | "(" | "[" ;

// python.gram: block
block:
    simple_stmts { $$ = ($1); @$ = @1; }
  | Newline Indent stmts Dedent { $$ = ($3); @$ = @3; }
  ;

// python.gram: if_stmt
if_stmt: "if" named_expr ":" block elif_chain { $$ = make_stmt<If>(ctx, @$, $2, to_list(ctx, $4), to_list(ctx, $5)); } ;
// python.gram: elif_stmt
elif_chain:
    %empty { $$ = {}; }
  | else_block { $$ = ($1); }
  | "elif" named_expr ":" block elif_chain { $$ = vec1<Stmt*>(ctx, make_stmt<If>(ctx, @$, $2, to_list(ctx, $4), to_list(ctx, $5))); }
  ;
// python.gram: else_block
else_block: "else" ":" block { $$ = ($3); } ;

// python.gram: while_stmt
while_stmt:
    "while" named_expr ":" block { $$ = make_stmt<While>(ctx, @$, $2, to_list(ctx, $4), List<Stmt>{}); }
  | "while" named_expr ":" block else_block { $$ = make_stmt<While>(ctx, @$, $2, to_list(ctx, $4), to_list(ctx, $5)); }
  ;

// python.gram: for_stmt
for_stmt:
    "for" exprlist "in" testlist_star_expr ":" block { CHECK($$ = build_for(ctx, $2, $4, $6, {}, @$)); }
  | "for" exprlist "in" testlist_star_expr ":" block else_block { CHECK($$ = build_for(ctx, $2, $4, $6, $7, @$)); }
  ;

// python.gram: try_stmt
try_stmt:
    "try" ":" block finally_block { CHECK($$ = build_try(ctx, $3, {}, {}, $4, @$)); }
  | "try" ":" block handlers { CHECK($$ = build_try(ctx, $3, $4, {}, {}, @$)); }
  | "try" ":" block handlers else_block { CHECK($$ = build_try(ctx, $3, $4, $5, {}, @$)); }
  | "try" ":" block handlers finally_block { CHECK($$ = build_try(ctx, $3, $4, {}, $5, @$)); }
  | "try" ":" block handlers else_block finally_block { CHECK($$ = build_try(ctx, $3, $4, $5, $6, @$)); }
  ;
// python.gram: finally_block
finally_block: "finally" ":" block { $$ = ($3); } ;
// python.gram: except_block+
handlers: handler { $$ = vec1(ctx, $1); } | handlers handler { $$ = $1; push(ctx, $$, $2); } ;
// python.gram: except_block
handler:
    "except" ":" block { $$ = make_handler(ctx, nullptr, -1, $3, false, @$); }
  | "except" test ":" block { $$ = make_handler(ctx, $2, -1, $4, false, @$); }
  | "except" test "as" Name ":" block { $$ = make_handler(ctx, $2, $4, $6, false, @$); }
  | "except" "*" test ":" block { $$ = make_handler(ctx, $3, -1, $5, true, @$); }
  | "except" "*" test "as" Name ":" block { $$ = make_handler(ctx, $3, $5, $7, true, @$); }
  | "except" "*" ":" block { ctx.fail("expected one or more exception types", @3); YYABORT; }
  | "except" test "," test_items ":" block {
      ctx.fail("multiple exception types must be parenthesized", span_of(@2, @4));
      YYABORT;
    }
  ;
// python.gram: expressions (eval input, and invalid_except_stmt's unparenthesized `expression ',' expressions`)
test_items: test { $$ = vec1(ctx, $1); } | test_items "," test { $$ = $1; push(ctx, $$, $3); } ;

// python.gram: with_stmt
with_stmt:
    "with" with_items ":" block { $$ = make_stmt<With>(ctx, @$, to_list(ctx, $2), to_list(ctx, $4)); }
  | "with" WithLPar with_items opt_comma ")" ":" block { $$ = make_stmt<With>(ctx, @$, to_list(ctx, $3), to_list(ctx, $7)); }
  ;
// python.gram: with_item (comma-separated)
with_items: with_item { $$ = vec1(ctx, $1); } | with_items "," with_item { $$ = $1; push(ctx, $$, $3); } ;
// python.gram: with_item
with_item:
    test { $$ = ctx.arena.make<WithItem>($1, nullptr); }
  | test "as" bexpr { CHECK(set_target(ctx, $3, TargetUse::With)); $$ = ctx.arena.make<WithItem>($1, $3); }
  ;

// python.gram: function_def_raw
funcdef: "def" Name "(" params ")" opt_returns ":" block { CHECK($$ = build_funcdef(ctx, $2, $4, $6, $8, @$)); } ;
// python.gram: function_def_raw's `['->' expression]`
opt_returns: %empty { $$ = nullptr; } | "->" test { $$ = $2; } ;

// python.gram: class_def_raw
classdef:
    "class" Name ":" block { CHECK($$ = build_class(ctx, $2, {}, false, @2, $4, @$)); }
  | "class" Name "(" call_args ")" ":" block { CHECK($$ = build_class(ctx, $2, $4, true, span_of(@3, @5), $7, @$)); }
  ;

// python.gram: function_def, class_def (with decorators)
decorated:
    decorators funcdef { $$ = decorate(ctx, $1, $2); }
  | decorators "async" funcdef { $$ = decorate(ctx, $1, make_async(ctx, $3, StmtKind::AsyncFunctionDef, span_of(@2, @3))); }
  | decorators classdef { $$ = decorate(ctx, $1, $2); }
  ;
// python.gram: decorators
decorators: "@" named_expr Newline { $$ = vec1(ctx, $2); } | decorators "@" named_expr Newline { $$ = $1; push(ctx, $$, $3); } ;

// ---- parameters -------------------------------------------------------------------------------------------
// python.gram: params, parameters (a cover rule: parse_build.cpp checks the order of kinds). The trailing comma is
// spelled out rather than an `opt_comma` so a parameter list costs no empty reduction.
params: %empty { $$ = {}; } | param_items | param_items "," ;
// python.gram: param_no_default, param_with_default, slash_no_default, star_etc and kwds read as one flat list;
// build_arguments applies their order
param_items: param_item { $$ = vec1(ctx, *$1); } | param_items "," param_item { $$ = $1; push(ctx, $$, *$3); } ;
param_item:
    param { $$ = ctx.arena.make<ParamItem>(ParamItem::Kind::Plain, $1, nullptr, @$); }
  | param "=" test { $$ = ctx.arena.make<ParamItem>(ParamItem::Kind::Plain, $1, $3, @$); }
  | "/" { $$ = ctx.arena.make<ParamItem>(ParamItem::Kind::Slash, nullptr, nullptr, @$); }
  | "*" { $$ = ctx.arena.make<ParamItem>(ParamItem::Kind::Star, nullptr, nullptr, @$); }
  | "*" param { $$ = ctx.arena.make<ParamItem>(ParamItem::Kind::StarArg, $2, nullptr, @$); }
  | "**" param { $$ = ctx.arena.make<ParamItem>(ParamItem::Kind::DoubleStarArg, $2, nullptr, @$); }
  ;
// python.gram: param, `NAME annotation?`
param:
    Name { $$ = ctx.arena.make<Arg>(@$.loc(), identifier(ctx, $1), nullptr); }
  | Name ":" test { $$ = ctx.arena.make<Arg>(@$.loc(), identifier(ctx, $1), $3); }
  ;
// python.gram: lambda_params (a cover rule, as params; no annotations, so `:` ends them)
lparams: %empty { $$ = {}; } | lparam_items | lparam_items "," ;
// python.gram: lambda_param_no_default, lambda_param_with_default, lambda_star_etc, lambda_kwds as one flat list
lparam_items: lparam_item { $$ = vec1(ctx, *$1); } | lparam_items "," lparam_item { $$ = $1; push(ctx, $$, *$3); } ;
lparam_item:
    lparam { $$ = ctx.arena.make<ParamItem>(ParamItem::Kind::Plain, $1, nullptr, @$); }
  | lparam "=" test { $$ = ctx.arena.make<ParamItem>(ParamItem::Kind::Plain, $1, $3, @$); }
  | "/" { $$ = ctx.arena.make<ParamItem>(ParamItem::Kind::Slash, nullptr, nullptr, @$); }
  | "*" { $$ = ctx.arena.make<ParamItem>(ParamItem::Kind::Star, nullptr, nullptr, @$); }
  | "*" lparam { $$ = ctx.arena.make<ParamItem>(ParamItem::Kind::StarArg, $2, nullptr, @$); }
  | "**" lparam { $$ = ctx.arena.make<ParamItem>(ParamItem::Kind::DoubleStarArg, $2, nullptr, @$); }
  ;
// python.gram: lambda_param
lparam: Name { $$ = ctx.arena.make<Arg>(@$.loc(), identifier(ctx, $1), nullptr); } ;

// ---- expressions ------------------------------------------------------------------------------------------
// python.gram: star_expressions. One item is itself (no list to build); two or more are a tuple.
testlist_star_expr:
    test
  | star_expr
  | test "," { $$ = make_tuple_expr(ctx, vec1(ctx, $1), @$); }
  | star_expr "," { $$ = make_tuple_expr(ctx, vec1(ctx, $1), @$); }
  | tlse_items { $$ = make_tuple_expr(ctx, $1, @$); }
  | tlse_items "," { $$ = make_tuple_expr(ctx, $1, @$); }
  ;
// Two or more items.
// python.gram: star_expressions' `star_expression (',' star_expression)+`
tlse_items:
    test "," test { $$ = vec2(ctx, $1, $3); }
  | test "," star_expr { $$ = vec2(ctx, $1, $3); }
  | star_expr "," test { $$ = vec2(ctx, $1, $3); }
  | star_expr "," star_expr { $$ = vec2(ctx, $1, $3); }
  | tlse_items "," test { $$ = $1; push(ctx, $$, $3); }
  | tlse_items "," star_expr { $$ = $1; push(ctx, $$, $3); }
  ;

// `for` targets and `del` targets: bitwise-or level expressions, so `in` ends them.
// python.gram: star_targets of for / del (bitwise_or level, so `in` ends them)
exprlist:
    exprlist_items { $$ = $1.size() == 1 ? $1[0] : make_tuple_expr(ctx, $1, @$); }
  | exprlist_items "," { $$ = make_tuple_expr(ctx, $1, @$); }
  ;
// python.gram: star_targets' `','.star_target+` (bitwise_or level here; set_target checks them)
exprlist_items:
    bexpr { $$ = vec1(ctx, $1); } | star_expr { $$ = vec1(ctx, $1); }
  | exprlist_items "," bexpr { $$ = $1; push(ctx, $$, $3); } | exprlist_items "," star_expr { $$ = $1; push(ctx, $$, $3); }
  ;

// python.gram: star_expression
star_expr: "*" bexpr { $$ = make_expr<Starred>(ctx, @$, $2, ExprContext::Load); } ;

// python.gram: yield_expr
yield_expr:
    "yield" { $$ = make_expr<Yield>(ctx, @$, nullptr); }
  | "yield" testlist_star_expr { $$ = make_expr<Yield>(ctx, @$, $2); }
  | "yield" "from" test { $$ = make_expr<YieldFrom>(ctx, @$, $3); }
  ;

// python.gram: named_expression
named_expr: test | test ":=" test { CHECK($$ = make_named_expr(ctx, $1, $3, @$)); } ;

// python.gram: expression. A disjunction is a bare `bexpr` or a `dexpr` (see below); the conditional
// expression takes either kind in each place.
test:
    bexpr
  | dexpr
  | lambdef
  | bexpr "if" bexpr "else" test { $$ = make_expr<IfExp>(ctx, @$, $3, $1, $5); }
  | bexpr "if" dexpr "else" test { $$ = make_expr<IfExp>(ctx, @$, $3, $1, $5); }
  | dexpr "if" bexpr "else" test { $$ = make_expr<IfExp>(ctx, @$, $3, $1, $5); }
  | dexpr "if" dexpr "else" test { $$ = make_expr<IfExp>(ctx, @$, $3, $1, $5); }
  ;

// python.gram: lambdef
lambdef: "lambda" lparams ":" test { CHECK($$ = build_lambda(ctx, $2, @3, $4, @$)); } ;

// python.gram: disjunction, conjunction, inversion, comparison: one nonterminal `dexpr` with precedence (see
// %left "or") for the expressions with one of these operators; a disjunction without any is a bare `bexpr`, which
// every user of a disjunction also takes, so a bare operand reaches `test` in one reduction instead of one per
// level. The operands of a comparison stay `bexpr`, which keeps `a < not b` a syntax error as in CPython.
// `a or b or c` is one BoolOp with three values; a parenthesized `(a or b)` stays a nested node (make_boolop
// tells the two apart by their spans).
dexpr:
    bexpr comp_tail { $$ = make_compare(ctx, $1, $2, @$); }
  | bexpr "or" bexpr { $$ = make_boolop(ctx, BoolOpKind::Or, $1, @1, $3, @$); }
  | bexpr "or" dexpr { $$ = make_boolop(ctx, BoolOpKind::Or, $1, @1, $3, @$); }
  | dexpr "or" bexpr { $$ = make_boolop(ctx, BoolOpKind::Or, $1, @1, $3, @$); }
  | dexpr "or" dexpr { $$ = make_boolop(ctx, BoolOpKind::Or, $1, @1, $3, @$); }
  | bexpr "and" bexpr { $$ = make_boolop(ctx, BoolOpKind::And, $1, @1, $3, @$); }
  | bexpr "and" dexpr { $$ = make_boolop(ctx, BoolOpKind::And, $1, @1, $3, @$); }
  | dexpr "and" bexpr { $$ = make_boolop(ctx, BoolOpKind::And, $1, @1, $3, @$); }
  | dexpr "and" dexpr { $$ = make_boolop(ctx, BoolOpKind::And, $1, @1, $3, @$); }
  | "not" bexpr { $$ = make_expr<UnaryOp>(ctx, @$, UnaryOpKind::Not, $2); }
  | "not" dexpr { $$ = make_expr<UnaryOp>(ctx, @$, UnaryOpKind::Not, $2); }
  ;
// python.gram: comparison's `compare_op_bitwise_or_pair+`
comp_tail: comp_op bexpr { $$ = vec1(ctx, CmpItem{$1, $2}); } | comp_tail comp_op bexpr { $$ = $1; push(ctx, $$, CmpItem{$2, $3}); } ;
// python.gram: compare_op_bitwise_or_pair
comp_op:
    "<" { $$ = CmpOpKind::Lt; } | ">" { $$ = CmpOpKind::Gt; } | "==" { $$ = CmpOpKind::Eq; }
  | ">=" { $$ = CmpOpKind::GtE; } | "<=" { $$ = CmpOpKind::LtE; } | "!=" { $$ = CmpOpKind::NotEq; }
  | "in" { $$ = CmpOpKind::In; } | "not" "in" { $$ = CmpOpKind::NotIn; }
  | "is" { $$ = CmpOpKind::Is; } | "is" "not" { $$ = CmpOpKind::IsNot; }
  ;

// python.gram: bitwise_or ... power, factor, primary (one rule, precedence from %left/%right). The atoms and the
// postfix forms (attribute, call, subscript; they bind tightest) are alternatives of `bexpr` itself, so a name
// used as an operand is one reduction; `primary` below repeats them only for `await`'s operand.
bexpr:
    Name { $$ = make_name(ctx, $1); } | Number { CHECK($$ = make_number(ctx, $1)); }
  | String { CHECK($$ = make_strings(ctx, $1, $1, @$)); }
  | string_seq { CHECK($$ = make_strings(ctx, $1.first, $1.second, @$)); }
  | "None" { $$ = make_keyword_constant(ctx, $1, @$); } | "True" { $$ = make_keyword_constant(ctx, $1, @$); }
  | "False" { $$ = make_keyword_constant(ctx, $1, @$); } | "..." { $$ = make_keyword_constant(ctx, $1, @$); }
  | paren_atom | list_atom | brace_atom
  | bexpr "." Name { $$ = make_attribute(ctx, $1, $3, @$); }
  | bexpr "(" call_args ")" { CHECK($$ = build_call(ctx, $1, $3, span_of(@2, @4), @$)); }
  | bexpr "[" slices "]" { $$ = make_expr<Subscript>(ctx, @$, $1, $3, ExprContext::Load); }
  | bexpr "|" bexpr { $$ = make_binop(ctx, $1, OperatorKind::BitOr, $3, @$); }
  | bexpr "^" bexpr { $$ = make_binop(ctx, $1, OperatorKind::BitXor, $3, @$); }
  | bexpr "&" bexpr { $$ = make_binop(ctx, $1, OperatorKind::BitAnd, $3, @$); }
  | bexpr "<<" bexpr { $$ = make_binop(ctx, $1, OperatorKind::LShift, $3, @$); }
  | bexpr ">>" bexpr { $$ = make_binop(ctx, $1, OperatorKind::RShift, $3, @$); }
  | bexpr "+" bexpr { $$ = make_binop(ctx, $1, OperatorKind::Add, $3, @$); }
  | bexpr "-" bexpr { $$ = make_binop(ctx, $1, OperatorKind::Sub, $3, @$); }
  | bexpr "*" bexpr { $$ = make_binop(ctx, $1, OperatorKind::Mult, $3, @$); }
  | bexpr "/" bexpr { $$ = make_binop(ctx, $1, OperatorKind::Div, $3, @$); }
  | bexpr "%" bexpr { $$ = make_binop(ctx, $1, OperatorKind::Mod, $3, @$); }
  | bexpr "//" bexpr { $$ = make_binop(ctx, $1, OperatorKind::FloorDiv, $3, @$); }
  | bexpr "@" bexpr { $$ = make_binop(ctx, $1, OperatorKind::MatMult, $3, @$); }
  | bexpr "**" bexpr { $$ = make_binop(ctx, $1, OperatorKind::Pow, $3, @$); }
  | "-" bexpr %prec UNARY { $$ = make_expr<UnaryOp>(ctx, @$, UnaryOpKind::USub, $2); }
  | "+" bexpr %prec UNARY { $$ = make_expr<UnaryOp>(ctx, @$, UnaryOpKind::UAdd, $2); }
  | "~" bexpr %prec UNARY { $$ = make_expr<UnaryOp>(ctx, @$, UnaryOpKind::Invert, $2); }
  | "await" primary %prec UNARY { $$ = make_expr<Await>(ctx, @$, $2); }
  ;

// python.gram: await_primary's operand: a primary, never a unary or binary expression.
primary:
    atom_leaf | paren_atom | list_atom | brace_atom
  | primary "." Name { $$ = make_attribute(ctx, $1, $3, @$); }
  | primary "(" call_args ")" { CHECK($$ = build_call(ctx, $1, $3, span_of(@2, @4), @$)); }
  | primary "[" slices "]" { $$ = make_expr<Subscript>(ctx, @$, $1, $3, ExprContext::Load); }
  ;

// python.gram: atom (the one-token ones, and adjacent strings)
atom_leaf:
    Name { $$ = make_name(ctx, $1); } | Number { CHECK($$ = make_number(ctx, $1)); }
  | String { CHECK($$ = make_strings(ctx, $1, $1, @$)); }
  | string_seq { CHECK($$ = make_strings(ctx, $1.first, $1.second, @$)); }
  | "None" { $$ = make_keyword_constant(ctx, $1, @$); } | "True" { $$ = make_keyword_constant(ctx, $1, @$); }
  | "False" { $$ = make_keyword_constant(ctx, $1, @$); } | "..." { $$ = make_keyword_constant(ctx, $1, @$); }
  ;

// python.gram: strings
// A lone string (the common case) is its own alternative; string_seq is two or more adjacent ones.
strings:
    String { CHECK($$ = make_strings(ctx, $1, $1, @$)); }
  | string_seq { CHECK($$ = make_strings(ctx, $1.first, $1.second, @$)); }
  ;
// python.gram: strings' `STRING+` with two or more (implicit concatenation)
string_seq: String String { $$ = TokRange{$1, $2}; } | string_seq String { $$ = TokRange{$1.first, $2}; } ;

// python.gram: tuple, group, genexp
paren_atom:
    "(" ")" { $$ = make_tuple_expr(ctx, {}, @$); }
  | "(" yield_expr ")" { $$ = $2; }
  | "(" named_expr ")" { $$ = $2; }
  | "(" star_expr ")" { ctx.fail("cannot use starred expression here", @2); YYABORT; }
  | "(" elt_list ")" { $$ = make_tuple_expr(ctx, $2, @$); }
  | "(" elt_list "," ")" { $$ = make_tuple_expr(ctx, $2, @$); }
  | "(" named_expr "," ")" { $$ = make_tuple_expr(ctx, vec1(ctx, $2), @$); }
  | "(" star_expr "," ")" { $$ = make_tuple_expr(ctx, vec1(ctx, $2), @$); }
  | "(" named_expr comp_for ")" { CHECK($$ = make_comprehension_expr(ctx, ExprKind::GeneratorExp, $2, nullptr, $3, @$)); }
  ;

// Two or more elements, or one element followed by more: the comma-separated body of a tuple display.
// python.gram: star_named_expressions of tuple and list
elt_list:
    named_expr "," named_expr { $$ = vec2(ctx, $1, $3); }
  | named_expr "," star_expr { $$ = vec2(ctx, $1, $3); }
  | star_expr "," named_expr { $$ = vec2(ctx, $1, $3); }
  | star_expr "," star_expr { $$ = vec2(ctx, $1, $3); }
  | elt_list "," named_expr { $$ = $1; push(ctx, $$, $3); }
  | elt_list "," star_expr { $$ = $1; push(ctx, $$, $3); }
  ;

// python.gram: list, listcomp
list_atom:
    "[" "]" { $$ = make_list(ctx, {}, @$); }
  | "[" named_expr "]" { $$ = make_list(ctx, vec1(ctx, $2), @$); }
  | "[" star_expr "]" { $$ = make_list(ctx, vec1(ctx, $2), @$); }
  | "[" named_expr "," "]" { $$ = make_list(ctx, vec1(ctx, $2), @$); }
  | "[" star_expr "," "]" { $$ = make_list(ctx, vec1(ctx, $2), @$); }
  | "[" elt_list "]" { $$ = make_list(ctx, $2, @$); }
  | "[" elt_list "," "]" { $$ = make_list(ctx, $2, @$); }
  | "[" star_expr comp_for "]" { CHECK($$ = make_comprehension_expr(ctx, ExprKind::ListComp, $2, nullptr, $3, @$)); }
  | "[" named_expr comp_for "]" { CHECK($$ = make_comprehension_expr(ctx, ExprKind::ListComp, $2, nullptr, $3, @$)); }
  ;

// python.gram: dict, set, dictcomp, setcomp
brace_atom:
    "{" "}" { $$ = make_expr<Dict>(ctx, @$, List<Expr>{}, List<Expr>{}); }
  | "{" brace_items "}" { CHECK($$ = make_brace_display(ctx, $2, @$)); }
  | "{" brace_items "," "}" { CHECK($$ = make_brace_display(ctx, $2, @$)); }
  | "{" named_expr comp_for "}" { CHECK($$ = make_comprehension_expr(ctx, ExprKind::SetComp, $2, nullptr, $3, @$)); }
  | "{" test ":" test comp_for "}" { CHECK($$ = make_comprehension_expr(ctx, ExprKind::DictComp, $2, $4, $5, @$)); }
  ;
// python.gram: dict's double_starred_kvpairs and set's star_named_expressions as one cover list; make_brace_display
// decides which it was
brace_items: brace_item { $$ = vec1(ctx, *$1); } | brace_items "," brace_item { $$ = $1; push(ctx, $$, *$3); } ;
brace_item:
    named_expr { $$ = ctx.arena.make<BraceItem>(nullptr, $1, false, true); }
  | star_expr { $$ = ctx.arena.make<BraceItem>(nullptr, $1, false, true); }
  | test ":" test { $$ = ctx.arena.make<BraceItem>($1, $3, false, false); }
  | "**" bexpr { $$ = ctx.arena.make<BraceItem>(nullptr, $2, true, false); }
  ;

// python.gram: for_if_clauses
comp_for: comp_clause { $$ = vec1(ctx, $1); } | comp_for comp_clause { $$ = $1; push(ctx, $$, $2); } ;
// python.gram: for_if_clause
comp_clause:
    "for" exprlist "in" bexpr comp_ifs { CHECK($$ = make_comprehension(ctx, $2, $4, $5, false)); }
  | "for" exprlist "in" dexpr comp_ifs { CHECK($$ = make_comprehension(ctx, $2, $4, $5, false)); }
  | "async" "for" exprlist "in" bexpr comp_ifs { CHECK($$ = make_comprehension(ctx, $3, $5, $6, true)); }
  | "async" "for" exprlist "in" dexpr comp_ifs { CHECK($$ = make_comprehension(ctx, $3, $5, $6, true)); }
  ;
// python.gram: for_if_clause's `('if' disjunction)*`
comp_ifs:
    %empty { $$ = {}; }
  | comp_ifs "if" bexpr { $$ = $1; push(ctx, $$, $3); } | comp_ifs "if" dexpr { $$ = $1; push(ctx, $$, $3); }
  ;

// python.gram: arguments, args, kwargs (a cover rule: parse_build.cpp checks the order)
call_args: %empty { $$ = {}; } | arg_items | arg_items "," ;
// python.gram: args' items: starred_expression, (assignment_expression | expression !':='), kwarg_or_starred,
// kwarg_or_double_starred, and a bare genexp (the `args` of primary's `genexp` call form)
arg_items: arg { $$ = vec1(ctx, *$1); } | arg_items "," arg { $$ = $1; push(ctx, $$, *$3); } ;
arg:
    named_expr { $$ = ctx.arena.make<CallArg>(CallArg::Kind::Positional, $1, nullptr, @$); }
  | "*" test { $$ = ctx.arena.make<CallArg>(CallArg::Kind::Starred, make_expr<Starred>(ctx, @$, $2, ExprContext::Load), nullptr, @$); }
  | "**" test { $$ = ctx.arena.make<CallArg>(CallArg::Kind::DoubleStarred, $2, nullptr, @$); }
  | test "=" test { $$ = ctx.arena.make<CallArg>(CallArg::Kind::Keyword, $3, $1, @$); }
  | named_expr comp_for {
      Expr* gen = make_comprehension_expr(ctx, ExprKind::GeneratorExp, $1, nullptr, $2, @$);
      CHECK(gen);
      $$ = ctx.arena.make<CallArg>(CallArg::Kind::BareGenerator, gen, nullptr, @$);
    }
  ;

// python.gram: slices
slices:
    subscript_list {
      // A lone starred subscript `a[*b]` is still a tuple.
      $$ = $1.size() == 1 && $1[0]->kind != ExprKind::Starred ? $1[0] : make_tuple_expr(ctx, $1, @$);
    }
  | subscript_list "," { $$ = make_tuple_expr(ctx, $1, @$); }
  ;
// python.gram: slices' `','.(slice | starred_expression)+`
subscript_list: subscript { $$ = vec1(ctx, $1); } | subscript_list "," subscript { $$ = $1; push(ctx, $$, $3); } ;
// python.gram: slice
subscript:
    named_expr
  | star_expr
  | opt_test ":" opt_test { $$ = make_slice(ctx, $1, $3, nullptr, $1 ? @$ : span_of(@2, @$)); }
  | opt_test ":" opt_test ":" opt_test { $$ = make_slice(ctx, $1, $3, $5, $1 ? @$ : span_of(@2, @$)); }
  ;
// python.gram: slice's optional `[expression]` bounds
opt_test: %empty { $$ = nullptr; } | test ;

%%
// The error reporter (parse_errors.cpp) gets the lookahead and the expected tokens in the lexer's terms, so only this
// file sees Bison's symbol numbers.
static minipy::TokenKind lexer_kind(yysymbol_kind_t symbol) {
  switch (symbol) {
#define MINIPY_TOKEN(kind, spelling) case YYSYMBOL_##kind: return minipy::TokenKind::kind;
#define MINIPY_OPERATOR(kind, spelling) case YYSYMBOL_##kind: return minipy::TokenKind::kind;
#define MINIPY_KEYWORD(kind, spelling) case YYSYMBOL_Kw##kind: return minipy::TokenKind::Kw##kind;
#include "compiler/tokens.def"
    default: return minipy::TokenKind::Count;  // the grammar's own tokens (soft keywords, start symbols)
  }
}

static int yyreport_syntax_error(const yypcontext_t* yyctx, ParseContext& ctx) {
  yysymbol_kind_t la = yypcontext_token(yyctx);
  bool has_token = la != YYSYMBOL_YYEMPTY && la != YYSYMBOL_YYEOF && la != YYSYMBOL_StartExec &&
                   la != YYSYMBOL_StartEval && la != YYSYMBOL_StartSingle;
  yysymbol_kind_t symbols[YYNTOKENS];
  int n = yypcontext_expected_tokens(yyctx, symbols, YYNTOKENS);
  minipy::TokenKind expected[YYNTOKENS];
  for (int i = 0; i < n; ++i) expected[i] = lexer_kind(symbols[i]);
  report_syntax_error(ctx, has_token ? ctx.lookahead_token : -1, std::span<const minipy::TokenKind>(expected, n));
  return 0;
}

namespace minipy::front {
int run_parser(ParseContext& ctx) { return minipy_pyparse(ctx); }
}  // namespace minipy::front
