// See vm_sandbox.h. One watchdog thread and one interpreter per process (minipy's native modules keep values
// in statics, so a second interpreter in the same process is not supported); each run gets a fresh __main__.
// A finding usually reproduces from its input alone; fuzz_replay on the crash file confirms it.
#include "vm_sandbox.h"

#include <pthread.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <mutex>
#include <thread>

#include "stdlib/native/io.h"
#include "cache/get_code.h"
#include "vm/cli/run.h"
#include "vm/interp/code_loader.h"
#include "vm/runtime.h"

namespace minipy::fuzz {

namespace {

constexpr auto kTimeBudget = std::chrono::milliseconds(300);
constexpr auto kInterruptEvery = std::chrono::milliseconds(20);
constexpr int kRecursionLimit = 200;

// Names a sandboxed program must not use: they reach the file system, the process, the terminal or the
// interpreter's internals. Their builtins are removed as well; the text filter stops `getattr(x, 'op'+'en')`
// style reconstructions from mutated code reaching objects that still exist (frames, globals of modules).
constexpr std::array<std::string_view, 20> kForbiddenWords = {
    "import", "open", "exec", "eval", "compile", "input", "breakpoint", "exit", "quit", "help",
    "globals", "builtins", "__subclasses__", "__code__", "_frame", "f_back", "f_globals", "__loader__",
    "__spec__", "__reduce"};
constexpr std::array<std::string_view, 10> kRemovedBuiltins = {
    "__import__", "open", "exec", "eval", "compile", "input", "breakpoint", "exit", "quit", "help"};

// The watchdog: while armed, interrupts the interpreter's thread once the deadline has passed.
struct Watchdog {
  std::mutex mutex;
  bool armed = false;
  pthread_t target{};
  std::chrono::steady_clock::time_point deadline;

  Watchdog() {
    std::thread([this] {
      for (;;) {
        std::this_thread::sleep_for(kInterruptEvery);
        std::lock_guard lock(mutex);
        if (armed && std::chrono::steady_clock::now() > deadline) pthread_kill(target, SIGINT);
      }
    }).detach();
  }
  void arm() {
    std::lock_guard lock(mutex);
    target = pthread_self();
    deadline = std::chrono::steady_clock::now() + kTimeBudget;
    armed = true;
  }
  void disarm() {
    std::lock_guard lock(mutex);
    armed = false;
  }
};

Watchdog& watchdog() {
  static Watchdog* dog = new Watchdog();  // never destroyed: its thread runs until the process ends
  return *dog;
}

// The highest address of this thread's stack: the collector scans native stack words from the current frame up
// to it, so every caller's frame is covered whatever depth the fuzzer calls us from.
const void* stack_top() {
  pthread_attr_t attr;
  void* low = nullptr;
  size_t size = 0;
  if (pthread_getattr_np(pthread_self(), &attr) != 0) return __builtin_frame_address(0);
  pthread_attr_getstack(&attr, &low, &size);
  pthread_attr_destroy(&attr);
  return static_cast<char*>(low) + size;
}

// The one interpreter of the process. minipy runs one interpreter per process (native modules keep values in
// statics), so runs share it: each gets a fresh __main__ and leaves its garbage collected and finalized.
Interpreter& shared_interpreter() {
  static Interpreter* interp = [] {
    auto* created = new Interpreter();
    created->heap.set_stack_base(stack_top());
    created->config.dont_write_bytecode = true;
    created->config.cache_tag.clear();  // no cache reads or writes at all
    ThreadState& ts = created->thread;
    for (std::string_view name : kRemovedBuiltins)
      if (dict_del(ts, created->builtins, Value(intern(ts, name))) < 0) ts.current_exception = Value();
    return created;
  }();
  return *interp;
}

// Runs `body` in the shared interpreter with the sandbox's limits.
template <class Body>
void run_sandboxed(Body body) {
  Interpreter& interp = shared_interpreter();
  ThreadState& ts = interp.thread;
  ts.recursion_limit = kRecursionLimit;
  watchdog().arm();
  (void)body(interp);
  (void)flush_standard_streams(ts, 0);
  // What the program left behind is collected now, its finalizers running under the watchdog too.
  ts.current_exception = Value();
  (void)dict_del(ts, interp.modules, Value(ts.interp->names.main));
  ts.current_exception = Value();
  interp.collect_garbage();
  run_pending_finalizers(ts);
  ts.current_exception = Value();
  (void)flush_standard_streams(ts, 0);
  watchdog().disarm();
}

}  // namespace

bool sandbox_accepts(std::string_view source) {
  int digit_run = 0;
  for (char c : source) {
    if (static_cast<unsigned char>(c) >= 0x80 || c == '\0') return false;
    digit_run = (c >= '0' && c <= '9') ? digit_run + 1 : 0;
    if (digit_run > 5) return false;  // 10**10**10, range(10**9), "x" * 999999999
  }
  if (source.find("**") != std::string_view::npos || source.find("<<") != std::string_view::npos) return false;
  for (std::string_view word : kForbiddenWords)
    if (source.find(word) != std::string_view::npos) return false;
  return true;
}

void run_source_sandboxed(std::string_view source) {
  run_sandboxed([&](Interpreter& interp) { return run_source(interp, std::string(source), "<fuzz>"); });
}

bool vm_loader_accepts(std::span<const uint8_t> pyc) {
  Interpreter& interp = shared_interpreter();
  VmPycLoader loader(interp.thread);
  bool accepted = code_from_pyc_body(pyc, loader).ok();
  interp.thread.current_exception = Value();
  return accepted;
}

void run_pyc_sandboxed(std::span<const uint8_t> pyc) {
  // run_pyc_file reads a path: the bytes go through a private temporary file.
  static const std::string path = "/tmp/minipy-fuzz-" + std::to_string(getpid()) + ".pyc";
  if (FILE* f = std::fopen(path.c_str(), "wb")) {
    std::fwrite(pyc.data(), 1, pyc.size(), f);
    std::fclose(f);
  } else {
    return;
  }
  run_sandboxed([&](Interpreter& interp) { return run_pyc_file(interp, path); });
  unlink(path.c_str());
}

}  // namespace minipy::fuzz
