// The stage timer behind MINIPY_COMPILE_STAGES (see stage_timer.h): one running stage at a time, charged with the
// thread's CPU time at each switch, so nested stages subtract themselves from the enclosing one.
#include "compiler/stage_timer.h"

#include <time.h>

#include <cstdio>
#include <cstdlib>

namespace minipy::stage_timer_detail {
namespace {

// CPU time of this thread, so that other processes on a busy machine do not inflate the numbers.
double now_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}
constexpr const char* kStageNames[] = {"other", "lex", "parse", "future", "ast optimize", "symtable", "codegen",
                                       "flowgraph", "assemble", "marshal write", "marshal read", "code load"};
static_assert(sizeof(kStageNames) / sizeof(kStageNames[0]) == static_cast<size_t>(CompileStage::Count));

struct Totals {
  double ms[static_cast<size_t>(CompileStage::Count)] = {};
  CompileStage current = CompileStage::Other;
  double since = 0;
  bool any = false;

  void charge_current() {
    double now = now_ms();
    ms[static_cast<size_t>(current)] += now - since;
    since = now;
  }
  void report() {
    if (!any) return;
    any = false;
    for (size_t i = 1; i < static_cast<size_t>(CompileStage::Count); i++)
      if (ms[i] > 0) std::fprintf(stderr, "stage %-14s %9.3f ms\n", kStageNames[i], ms[i]);
  }
  // For processes that exit through static destruction (tests, tools); minipy itself leaves with _exit and calls
  // report_compile_stages() first (vm/cli/main.cpp). `any` makes the second call a no-op.
  ~Totals() { report(); }
};

Totals& totals() {
  static Totals t;
  return t;
}

}  // namespace

// Read once at static initialisation, so a StageScope costs one branch when timing is off (the normal case).
bool enabled = std::getenv("MINIPY_COMPILE_STAGES") != nullptr;

void enter(CompileStage stage, CompileStage* saved) {
  Totals& t = totals();
  if (!t.any) {
    t.any = true;
    t.since = now_ms();
  }
  t.charge_current();
  *saved = t.current;
  t.current = stage;
}

void leave(CompileStage saved) {
  Totals& t = totals();
  t.charge_current();
  t.current = saved;
}

}  // namespace minipy::stage_timer_detail

namespace minipy {

void report_compile_stages() {
  if (stage_timer_detail::enabled) stage_timer_detail::totals().report();
}

}  // namespace minipy
