// try/except* (compile.c's compiler_try_star).
#include "compiler/codegen_internal.h"

namespace minipy {

bool Codegen::try_star_stmt(const ast::Try* s) { return unsupported(s->loc, "'except*'"); }

}  // namespace minipy
