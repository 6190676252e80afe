// A hidden profiling aid: with MINIPY_COMPILE_STAGES set in the environment, the CPU time spent in each compiler
// stage (and in the marshal writer and reader) is summed over the process and printed to stderr at exit, one
// line per stage in ms. Stages nest: time spent in an inner stage is not counted in the outer one, so the lines
// add up to the total. Without the variable a StageScope costs one well-predicted branch.
#pragma once
#include <cstdint>

namespace minipy {

enum class CompileStage : uint8_t { Other, Lex, Parse, Future, Optimize, Symtable, Codegen, Flowgraph, Assemble,
                                    Marshal, Unmarshal, CodeLoad, Count };

namespace stage_timer_detail {
extern bool enabled;
void enter(CompileStage stage, CompileStage* saved);
void leave(CompileStage saved);
}  // namespace stage_timer_detail

// Prints the totals now (once): minipy leaves with _exit, which runs no static destructors, so the CLI calls this
// before it; a process that exits normally prints them from a destructor instead.
void report_compile_stages();

class StageScope {
 public:
  explicit StageScope(CompileStage stage) {
    if (stage_timer_detail::enabled) stage_timer_detail::enter(stage, &saved_);
  }
  ~StageScope() {
    if (stage_timer_detail::enabled) stage_timer_detail::leave(saved_);
  }
  StageScope(const StageScope&) = delete;
  StageScope& operator=(const StageScope&) = delete;

 private:
  CompileStage saved_ = CompileStage::Other;
};

}  // namespace minipy
