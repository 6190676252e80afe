// python3.11 oracle, AST loader and code dumper for the symtable/codegen suites (see codegen_test_support.h).
#include "codegen_test_support.h"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "compiler/assembler.h"
#include "compiler/ast_optimize.h"
#include "compiler/codegen.h"
#include "compiler/compile.h"
#include "compiler/opcodes.h"
#include "compiler/symtable.h"

namespace minipy::test {

namespace {

const char* kOracleScript = R"PY(
import ast, sys, dis, warnings
srcs = open(sys.argv[1], encoding='utf-8').read().split('\n#====\n')
mode, optimize = sys.argv[2], int(sys.argv[3])
def hexs(s): return s.encode('utf-8', 'surrogatepass').hex()
def emit_const(v, out):
    if v is None: out.append('cN')
    elif v is True: out.append('cT')
    elif v is False: out.append('cF')
    elif v is Ellipsis: out.append('cE')
    elif isinstance(v, int): out.append('ci%d' % v)
    elif isinstance(v, float): out.append('cf' + v.hex())
    elif isinstance(v, complex): out.append('cj' + v.imag.hex())
    elif isinstance(v, str): out.append('cs' + hexs(v))
    elif isinstance(v, bytes): out.append('cb' + v.hex())
    else: raise TypeError(type(v))
def emit(n, out):
    if n is None: out.append('~')
    elif isinstance(n, ast.AST):
        out.append('(' + type(n).__name__)
        if 'lineno' in n._attributes:
            el = n.end_lineno if n.end_lineno is not None else n.lineno
            ec = n.end_col_offset if n.end_col_offset is not None else n.col_offset
            out.append('@%d,%d,%d,%d' % (n.lineno, n.col_offset, el, ec))
        for f in n._fields:
            if f in ('type_comment', 'type_ignores'): continue
            out.append(':' + f)
            if isinstance(n, ast.Constant) and f == 'value': emit_const(n.value, out)
            else: emit(getattr(n, f), out)
        out.append(')')
    elif isinstance(n, list):
        out.append('[')
        for x in n: emit(x, out)
        out.append(']')
    elif isinstance(n, str): out.append('s' + hexs(n))
    elif isinstance(n, int): out.append('i%d' % n)
    else: raise TypeError(type(n))
def dump(co, out):
    out.append('code %s %s flags=%d argc=%d posonly=%d kwonly=%d first=%d stack=%d' % (co.co_qualname, co.co_name,
               co.co_flags, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_firstlineno,
               co.co_stacksize))
    out.append(' '.join(['names'] + list(co.co_names)))
    out.append(' '.join(['varnames'] + list(co.co_varnames)))
    out.append(' '.join(['cellvars'] + list(co.co_cellvars)))
    out.append(' '.join(['freevars'] + list(co.co_freevars)))
    code = co.co_code
    for i in range(0, len(code), 2):
        op, arg = code[i], code[i + 1]
        if op == 0: continue
        out.append('%s %d' % (dis.opname[op], arg) if op >= dis.HAVE_ARGUMENT else dis.opname[op])
    nested = []
    for c in co.co_consts:
        if hasattr(c, 'co_code'):
            out.append('const <code %s>' % c.co_qualname)
            nested.append(c)
        else:
            out.append('const ' + ascii(c))
    out.append(('linetable ' + co.co_linetable.hex()).rstrip())
    out.append(('exctable ' + co.co_exceptiontable.hex()).rstrip())
    for c in nested: dump(c, out)
for i, src in enumerate(srcs):
    print('=== %d' % i)
    try:
        tree = ast.parse(src, mode=mode)
        out = []
        emit(tree, out)
        print('ast ' + ' '.join(out))
    except SyntaxError as e:
        print('ast')
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        try:
            lines = []
            dump(compile(src, '<snippet>', mode, optimize=optimize), lines)
        except SyntaxError as e:
            lines = ['SyntaxError: %s @%s:%s' % (e.msg, e.lineno, e.offset)]
    lines = ['warning %d %s' % (w.lineno, w.message) for w in caught if w.category is SyntaxWarning] + lines
    for l in lines: print('dump ' + l)
)PY";

std::string temp_path(const char* suffix) {
  return fmt::format("/tmp/minipy_codegen_test_{}_{}", ::getpid(), suffix);
}

}  // namespace

std::optional<std::vector<PythonSnippet>> python_snippets(const std::vector<std::string>& sources,
                                                          const std::string& mode, int optimize) {
  std::string python = MINIPY_PYTHON311;
  if (python.empty() || ::access(python.c_str(), X_OK) != 0) {
    MESSAGE("SKIPPED: python3.11 not found");
    return std::nullopt;
  }
  std::string script = temp_path("oracle.py"), input = temp_path("input.txt");
  std::ofstream(script) << kOracleScript;
  {
    std::ofstream in(input);
    for (size_t i = 0; i < sources.size(); ++i) in << (i ? "\n#====\n" : "") << sources[i];
  }
  // -I ignores the PYTHON* variables these machines export.
  std::string command = fmt::format("{} -I {} {} {} {}", python, script, input, mode, optimize);
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string output;
  char buffer[65536];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
  ::pclose(pipe);
  std::remove(script.c_str());
  std::remove(input.c_str());

  std::vector<PythonSnippet> result;
  std::istringstream lines(output);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind("=== ", 0) == 0) {
      result.emplace_back();
    } else if (line.rfind("ast", 0) == 0 && !result.empty()) {
      result.back().ast_tokens = line.size() > 4 ? line.substr(4) : "";
    } else if (line.rfind("dump ", 0) == 0 && !result.empty()) {
      result.back().dump += line.substr(5) + "\n";
    }
  }
  REQUIRE(result.size() == sources.size());
  return result;
}

// ---- the AST token form ---------------------------------------------------------------------------------------

namespace {

struct PyVal {
  enum Kind { Null, Node, List, Str, Int, Const } kind = Null;
  std::string type;  // Node: class name; Const: the token
  ast::Location loc;
  std::vector<std::pair<std::string, std::unique_ptr<PyVal>>> fields;
  std::vector<std::unique_ptr<PyVal>> items;
  std::string text;
  int64_t number = 0;

  const PyVal& field(std::string_view name) const {
    for (const auto& [n, v] : fields)
      if (n == name) return *v;
    static const PyVal null;
    return null;
  }
};

std::string unhex(std::string_view h) {
  std::string out;
  for (size_t i = 0; i + 1 < h.size(); i += 2) out += static_cast<char>(std::stoi(std::string(h.substr(i, 2)), nullptr, 16));
  return out;
}

class Reader {
 public:
  explicit Reader(const std::string& text) {
    std::istringstream in(text);
    std::string t;
    while (in >> t) tokens_.push_back(t);
  }
  std::unique_ptr<PyVal> value() {
    auto v = std::make_unique<PyVal>();
    const std::string& t = tokens_.at(pos_++);
    if (t == "~") return v;
    if (t == "[") {
      v->kind = PyVal::List;
      while (tokens_.at(pos_) != "]") v->items.push_back(value());
      ++pos_;
    } else if (t[0] == '(') {
      v->kind = PyVal::Node;
      v->type = t.substr(1);
      if (tokens_.at(pos_)[0] == '@') {
        std::sscanf(tokens_[pos_].c_str(), "@%d,%d,%d,%d", &v->loc.lineno, &v->loc.col_offset, &v->loc.end_lineno,
                    &v->loc.end_col_offset);
        ++pos_;
      }
      while (tokens_.at(pos_) != ")") {
        std::string name = tokens_.at(pos_++).substr(1);
        v->fields.emplace_back(name, value());
      }
      ++pos_;
    } else if (t[0] == 's') {
      v->kind = PyVal::Str;
      v->text = unhex(std::string_view(t).substr(1));
    } else if (t[0] == 'i') {
      v->kind = PyVal::Int;
      v->number = std::stoll(t.substr(1));
    } else {
      v->kind = PyVal::Const;
      v->type = t;
    }
    return v;
  }

 private:
  std::vector<std::string> tokens_;
  size_t pos_ = 0;
};

class Builder {
 public:
  explicit Builder(ast::Arena& arena) : a_(arena) {}

  ast::Module* module(const PyVal& v) {
    auto* m = a_.make<ast::Module>();
    if (v.type == "Expression") {
      m->mode = ast::ParseMode::Eval;
      m->expression = expr(v.field("body"));
    } else {
      m->mode = v.type == "Interactive" ? ast::ParseMode::Single : ast::ParseMode::Exec;
      m->body = stmts(v.field("body"));
    }
    return m;
  }

 private:
  ast::Identifier ident(const PyVal& v) { return v.kind == PyVal::Str ? a_.copy(v.text) : ast::Identifier{}; }
  template <class T, class F>
  ast::List<T> list(const PyVal& v, F convert) {
    std::vector<T*> out;
    for (const auto& item : v.items) out.push_back(convert(*item));
    return a_.list(out);
  }
  ast::List<ast::Stmt> stmts(const PyVal& v) { return list<ast::Stmt>(v, [&](const PyVal& s) { return stmt(s); }); }
  ast::List<ast::Expr> exprs(const PyVal& v) { return list<ast::Expr>(v, [&](const PyVal& e) { return expr(e); }); }
  ast::ExprContext ctx(const PyVal& v) {
    return v.type == "Store" ? ast::ExprContext::Store : v.type == "Del" ? ast::ExprContext::Del : ast::ExprContext::Load;
  }
  ast::OperatorKind op(const PyVal& v) {
#define BINARY_OP(ast_name, oparg, slot, symbol, stem) \
  if (v.type == #ast_name) return ast::OperatorKind::ast_name;
#include "compiler/binary_ops.def"
    FAIL("unknown operator " << v.type);
    return ast::OperatorKind::Add;
  }
  ast::CmpOpKind cmpop(const PyVal& v) {
    static const char* kNames[] = {"Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"};
    for (int i = 0; i < 10; ++i)
      if (v.type == kNames[i]) return static_cast<ast::CmpOpKind>(i);
    FAIL("unknown comparison " << v.type);
    return ast::CmpOpKind::Eq;
  }
  const Const* constant(const PyVal& v) {
    const std::string& t = v.type;
    ConstRef c;
    if (t == "cN") c = Const::none();
    else if (t == "cT") c = Const::boolean(true);
    else if (t == "cF") c = Const::boolean(false);
    else if (t == "cE") c = Const::ellipsis();
    else if (t[1] == 'i') {
      bool negative = t[2] == '-';
      BigInt value = *BigInt::parse(t.substr(negative ? 3 : 2), 10);
      c = Const::integer(negative ? -value : value);
    } else if (t[1] == 'f') c = Const::floating(std::strtod(t.c_str() + 2, nullptr));
    else if (t[1] == 'j') c = Const::complex(0.0, std::strtod(t.c_str() + 2, nullptr));
    else if (t[1] == 's') c = Const::str(unhex(std::string_view(t).substr(2)));
    else c = Const::bytes(unhex(std::string_view(t).substr(2)));
    return a_.keep(std::move(c));
  }
  ast::Arg* arg(const PyVal& v) {
    if (v.kind == PyVal::Null) return nullptr;
    return a_.make<ast::Arg>(v.loc, ident(v.field("arg")), opt_expr(v.field("annotation")));
  }
  ast::Arguments* arguments(const PyVal& v) {
    auto* a = a_.make<ast::Arguments>();
    auto args = [&](const PyVal& l) { return list<ast::Arg>(l, [&](const PyVal& x) { return arg(x); }); };
    a->posonlyargs = args(v.field("posonlyargs"));
    a->args = args(v.field("args"));
    a->vararg = arg(v.field("vararg"));
    a->kwonlyargs = args(v.field("kwonlyargs"));
    a->kw_defaults = list<ast::Expr>(v.field("kw_defaults"), [&](const PyVal& e) { return opt_expr(e); });
    a->kwarg = arg(v.field("kwarg"));
    a->defaults = exprs(v.field("defaults"));
    return a;
  }
  ast::List<ast::Keyword> keywords(const PyVal& v) {
    return list<ast::Keyword>(v, [&](const PyVal& k) {
      return a_.make<ast::Keyword>(k.loc, ident(k.field("arg")), expr(k.field("value")));
    });
  }
  ast::List<ast::Comprehension> generators(const PyVal& v) {
    return list<ast::Comprehension>(v, [&](const PyVal& g) {
      return a_.make<ast::Comprehension>(expr(g.field("target")), expr(g.field("iter")), exprs(g.field("ifs")),
                                         g.field("is_async").number != 0);
    });
  }
  ast::Expr* opt_expr(const PyVal& v) { return v.kind == PyVal::Null ? nullptr : expr(v); }
  ast::Expr* expr(const PyVal& v);
  ast::Stmt* stmt(const PyVal& v);

  ast::Arena& a_;
};

#define EXPR_BASE(kind) ast::Expr{ast::ExprKind::kind, v.loc}
#define STMT_BASE(kind) ast::Stmt{ast::StmtKind::kind, v.loc}

ast::Expr* Builder::expr(const PyVal& v) {
  const std::string& t = v.type;
  auto f = [&](const char* name) -> const PyVal& { return v.field(name); };
  if (t == "BoolOp")
    return a_.make<ast::BoolOp>(EXPR_BASE(BoolOp), f("op").type == "And" ? ast::BoolOpKind::And : ast::BoolOpKind::Or,
                                exprs(f("values")));
  if (t == "NamedExpr") return a_.make<ast::NamedExpr>(EXPR_BASE(NamedExpr), expr(f("target")), expr(f("value")));
  if (t == "BinOp") return a_.make<ast::BinOp>(EXPR_BASE(BinOp), expr(f("left")), op(f("op")), expr(f("right")));
  if (t == "UnaryOp") {
    static const char* kNames[] = {"Invert", "Not", "UAdd", "USub"};
    int k = 0;
    while (f("op").type != kNames[k]) ++k;
    return a_.make<ast::UnaryOp>(EXPR_BASE(UnaryOp), static_cast<ast::UnaryOpKind>(k), expr(f("operand")));
  }
  if (t == "Lambda") return a_.make<ast::Lambda>(EXPR_BASE(Lambda), arguments(f("args")), expr(f("body")));
  if (t == "IfExp") return a_.make<ast::IfExp>(EXPR_BASE(IfExp), expr(f("test")), expr(f("body")), expr(f("orelse")));
  if (t == "Dict") {
    auto keys = list<ast::Expr>(f("keys"), [&](const PyVal& e) { return opt_expr(e); });
    return a_.make<ast::Dict>(EXPR_BASE(Dict), keys, exprs(f("values")));
  }
  if (t == "Set") return a_.make<ast::Set>(EXPR_BASE(Set), exprs(f("elts")));
  if (t == "ListComp") return a_.make<ast::ListComp>(EXPR_BASE(ListComp), expr(f("elt")), generators(f("generators")));
  if (t == "SetComp") return a_.make<ast::SetComp>(EXPR_BASE(SetComp), expr(f("elt")), generators(f("generators")));
  if (t == "GeneratorExp")
    return a_.make<ast::GeneratorExp>(EXPR_BASE(GeneratorExp), expr(f("elt")), generators(f("generators")));
  if (t == "DictComp")
    return a_.make<ast::DictComp>(EXPR_BASE(DictComp), expr(f("key")), expr(f("value")), generators(f("generators")));
  if (t == "Await") return a_.make<ast::Await>(EXPR_BASE(Await), expr(f("value")));
  if (t == "Yield") return a_.make<ast::Yield>(EXPR_BASE(Yield), opt_expr(f("value")));
  if (t == "YieldFrom") return a_.make<ast::YieldFrom>(EXPR_BASE(YieldFrom), expr(f("value")));
  if (t == "Compare") {
    std::vector<ast::CmpOpKind> ops;
    for (const auto& o : f("ops").items) ops.push_back(cmpop(*o));
    return a_.make<ast::Compare>(EXPR_BASE(Compare), expr(f("left")), a_.array(ops), exprs(f("comparators")));
  }
  if (t == "Call") return a_.make<ast::Call>(EXPR_BASE(Call), expr(f("func")), exprs(f("args")), keywords(f("keywords")));
  if (t == "FormattedValue")
    return a_.make<ast::FormattedValue>(EXPR_BASE(FormattedValue), expr(f("value")),
                                        static_cast<int>(f("conversion").number), opt_expr(f("format_spec")));
  if (t == "JoinedStr") return a_.make<ast::JoinedStr>(EXPR_BASE(JoinedStr), exprs(f("values")));
  if (t == "Constant")
    return a_.make<ast::Constant>(EXPR_BASE(Constant), constant(f("value")), std::string_view(ident(f("kind"))));
  if (t == "Attribute")
    return a_.make<ast::Attribute>(EXPR_BASE(Attribute), expr(f("value")), ident(f("attr")), ctx(f("ctx")));
  if (t == "Subscript")
    return a_.make<ast::Subscript>(EXPR_BASE(Subscript), expr(f("value")), expr(f("slice")), ctx(f("ctx")));
  if (t == "Starred") return a_.make<ast::Starred>(EXPR_BASE(Starred), expr(f("value")), ctx(f("ctx")));
  if (t == "Name") return a_.make<ast::Name>(EXPR_BASE(Name), ident(f("id")), ctx(f("ctx")));
  if (t == "List") return a_.make<ast::ListExpr>(EXPR_BASE(List), exprs(f("elts")), ctx(f("ctx")));
  if (t == "Tuple") return a_.make<ast::Tuple>(EXPR_BASE(Tuple), exprs(f("elts")), ctx(f("ctx")));
  if (t == "Slice")
    return a_.make<ast::Slice>(EXPR_BASE(Slice), opt_expr(f("lower")), opt_expr(f("upper")), opt_expr(f("step")));
  FAIL("unknown expression node " << t);
  return nullptr;
}

ast::Stmt* Builder::stmt(const PyVal& v) {
  const std::string& t = v.type;
  auto f = [&](const char* name) -> const PyVal& { return v.field(name); };
  auto names = [&](const PyVal& l) {
    std::vector<ast::Identifier> out;
    for (const auto& n : l.items) out.push_back(ident(*n));
    return a_.array(out);
  };
  auto aliases = [&](const PyVal& l) {
    return list<ast::Alias>(l, [&](const PyVal& x) {
      return a_.make<ast::Alias>(x.loc, ident(x.field("name")), ident(x.field("asname")));
    });
  };
  if (t == "FunctionDef")
    return a_.make<ast::FunctionDef>(STMT_BASE(FunctionDef), ident(f("name")), arguments(f("args")), stmts(f("body")),
                                     exprs(f("decorator_list")), opt_expr(f("returns")));
  if (t == "ClassDef")
    return a_.make<ast::ClassDef>(STMT_BASE(ClassDef), ident(f("name")), exprs(f("bases")), keywords(f("keywords")),
                                  stmts(f("body")), exprs(f("decorator_list")));
  if (t == "Return") return a_.make<ast::Return>(STMT_BASE(Return), opt_expr(f("value")));
  if (t == "Delete") return a_.make<ast::Delete>(STMT_BASE(Delete), exprs(f("targets")));
  if (t == "Assign") return a_.make<ast::Assign>(STMT_BASE(Assign), exprs(f("targets")), expr(f("value")));
  if (t == "AugAssign") return a_.make<ast::AugAssign>(STMT_BASE(AugAssign), expr(f("target")), op(f("op")), expr(f("value")));
  if (t == "AnnAssign")
    return a_.make<ast::AnnAssign>(STMT_BASE(AnnAssign), expr(f("target")), expr(f("annotation")),
                                   opt_expr(f("value")), f("simple").number != 0);
  if (t == "For")
    return a_.make<ast::For>(STMT_BASE(For), expr(f("target")), expr(f("iter")), stmts(f("body")), stmts(f("orelse")));
  if (t == "While") return a_.make<ast::While>(STMT_BASE(While), expr(f("test")), stmts(f("body")), stmts(f("orelse")));
  if (t == "If") return a_.make<ast::If>(STMT_BASE(If), expr(f("test")), stmts(f("body")), stmts(f("orelse")));
  if (t == "With") {
    auto items = list<ast::WithItem>(f("items"), [&](const PyVal& w) {
      return a_.make<ast::WithItem>(expr(w.field("context_expr")), opt_expr(w.field("optional_vars")));
    });
    return a_.make<ast::With>(STMT_BASE(With), items, stmts(f("body")));
  }
  if (t == "Raise") return a_.make<ast::Raise>(STMT_BASE(Raise), opt_expr(f("exc")), opt_expr(f("cause")));
  if (t == "Try") {
    auto handlers = list<ast::ExceptHandler>(f("handlers"), [&](const PyVal& h) {
      return a_.make<ast::ExceptHandler>(h.loc, opt_expr(h.field("type")), ident(h.field("name")), stmts(h.field("body")));
    });
    return a_.make<ast::Try>(STMT_BASE(Try), stmts(f("body")), handlers, stmts(f("orelse")), stmts(f("finalbody")));
  }
  if (t == "Assert") return a_.make<ast::Assert>(STMT_BASE(Assert), expr(f("test")), opt_expr(f("msg")));
  if (t == "Import") return a_.make<ast::Import>(STMT_BASE(Import), aliases(f("names")));
  if (t == "ImportFrom")
    return a_.make<ast::ImportFrom>(STMT_BASE(ImportFrom), ident(f("module")), aliases(f("names")),
                                    static_cast<int>(f("level").number));
  if (t == "Global") return a_.make<ast::Global>(STMT_BASE(Global), names(f("names")));
  if (t == "Nonlocal") return a_.make<ast::Nonlocal>(STMT_BASE(Nonlocal), names(f("names")));
  if (t == "Expr") return a_.make<ast::ExprStmt>(STMT_BASE(Expr), expr(f("value")));
  if (t == "Pass") return a_.make<ast::Pass>(STMT_BASE(Pass));
  if (t == "Break") return a_.make<ast::Break>(STMT_BASE(Break));
  if (t == "Continue") return a_.make<ast::Continue>(STMT_BASE(Continue));
  FAIL("unknown statement node " << t);
  return nullptr;
}

}  // namespace

ast::Module* load_python_ast(const std::string& tokens, ast::Arena& arena) {
  if (tokens.empty()) return nullptr;
  Reader reader(tokens);
  std::unique_ptr<PyVal> root = reader.value();
  return Builder(arena).module(*root);
}

// ---- dumping --------------------------------------------------------------------------------------------------

static std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += " " + n;
  return out;
}

// ascii() of a constant from its repr(): non-ASCII code points escaped as \xNN, \uNNNN or \UNNNNNNNN. (Which
// non-ASCII characters repr() itself escapes depends on the Unicode database; ascii() does not.)
static std::string escape_non_ascii(const std::string& repr) {
  std::string out;
  for (size_t i = 0; i < repr.size();) {
    auto c = static_cast<unsigned char>(repr[i]);
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    uint32_t cp = c & (len == 4 ? 0x07 : len == 3 ? 0x0F : 0x1F);
    for (int k = 1; k < len && i + k < repr.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(repr[i + k]) & 0x3F);
    i += len;
    out += cp <= 0xFF ? fmt::format("\\x{:02x}", cp) : cp <= 0xFFFF ? fmt::format("\\u{:04x}", cp) : fmt::format("\\U{:08x}", cp);
  }
  return out;
}

static void dump_into(const CodeObject& co, bool tables, std::string& out) {
  out += fmt::format("code {} {} flags={} argc={} posonly={} kwonly={} first={} stack={}\n", co.qualname, co.name,
                     co.flags, co.argcount, co.posonlyargcount, co.kwonlyargcount, co.firstlineno, co.stacksize);
  std::vector<std::string> varnames, cellvars, freevars;
  for (size_t i = 0; i < co.localsplusnames.size(); ++i) {
    auto kind = static_cast<uint8_t>(co.localspluskinds[i]);
    if (kind & CO_FAST_LOCAL) varnames.push_back(co.localsplusnames[i]);
    if (kind & CO_FAST_CELL) cellvars.push_back(co.localsplusnames[i]);
    if (kind & CO_FAST_FREE) freevars.push_back(co.localsplusnames[i]);
  }
  out += "names" + joined(co.names) + "\n";
  out += "varnames" + joined(varnames) + "\n";
  out += "cellvars" + joined(cellvars) + "\n";
  out += "freevars" + joined(freevars) + "\n";
  for (size_t i = 0; i + 1 < co.code.size(); i += 2) {
    int op = static_cast<uint8_t>(co.code[i]), arg = static_cast<uint8_t>(co.code[i + 1]);
    if (op == 0) continue;
    std::string_view name = kOpcodeTable[op].name;
    out += op >= kHaveArgument ? fmt::format("{} {}\n", name, arg) : fmt::format("{}\n", name);
  }
  std::vector<const CodeObject*> nested;
  for (const ConstRef& c : co.consts) {
    if (c->is(Const::Kind::Code)) {
      out += fmt::format("const <code {}>\n", c->code_value()->qualname);
      nested.push_back(c->code_value().get());
    } else {
      out += "const " + escape_non_ascii(c->repr()) + "\n";
    }
  }
  auto hex = [](const std::string& s) {
    std::string h;
    for (unsigned char ch : s) h += fmt::format("{:02x}", ch);
    return h;
  };
  if (tables) {
    out += co.linetable.empty() ? "linetable\n" : "linetable " + hex(co.linetable) + "\n";
    out += co.exceptiontable.empty() ? "exctable\n" : "exctable " + hex(co.exceptiontable) + "\n";
  }
  for (const CodeObject* n : nested) dump_into(*n, tables, out);
}

std::string dump_code(const CodeObject& code, bool tables) {
  std::string out;
  dump_into(code, tables, out);
  return out;
}

// The dump form of a compilation's outcome: its warnings, then the code objects or the error.
static std::string outcome(const std::vector<SyntaxWarning>& warnings, const CodeObject* code,
                           const std::optional<SyntaxError>& error, bool tables) {
  std::string out;
  for (const SyntaxWarning& w : warnings) out += fmt::format("warning {} {}\n", w.lineno, w.message);
  if (!code) return out + fmt::format("SyntaxError: {} @{}:{}\n", error->message, error->lineno, error->offset);
  return out + dump_code(*code, tables);
}

std::string compile_and_dump(ast::Module& module, ast::Arena& arena, bool tables, int optimize) {
  FutureResult future = future_features(module, "<snippet>");
  if (future.error) return outcome({}, nullptr, future.error, tables);
  if (auto too_deep = optimize_ast(module, arena, optimize, future.features.flags))
    return outcome({}, nullptr, too_deep, tables);
  SymtableResult st = build_symtable(module, "<snippet>", future.features.flags);
  if (!st.table) return outcome({}, nullptr, st.error, tables);
  AssembleFn assembler = [](CompilerUnit& unit) { return assemble(unit); };
  CodegenResult result = codegen(module, *st.table, "<snippet>", optimize, assembler, future.features);
  return outcome(result.warnings, result.code.get(), result.error, tables);
}

std::string compile_source_and_dump(const std::string& source, bool tables, ast::ParseMode mode, int optimize) {
  CompileOptions options;
  options.optimize = optimize;
  SyntaxWarnings warnings;
  CompileResult result = compile_source(source, "<snippet>", mode, options, warnings);
  if (!result.ok()) return outcome(warnings, nullptr, result.error(), tables);
  return outcome(warnings, result.value().get(), std::nullopt, tables);
}

}  // namespace minipy::test
