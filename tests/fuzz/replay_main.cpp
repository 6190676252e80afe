// fuzz_replay: the fuzz targets without libFuzzer, for `make test` (any compiler). Runs one target over files
// and directories of inputs, each as is and then `--mutations N` times mutated with a fixed-seed generator
// (byte flips, interesting bytes, deletions, duplications, truncations: a small deterministic stand-in for a
// libFuzzer run), so every committed finding and seed keeps passing in the ordinary suite.
//
//   fuzz_replay TARGET [--mutations N] [--seed S] [--from-source] PATH...
// TARGET is parse, marshal, verify or vm. With --from-source each input file is Python source compiled by
// minipy's compiler, and the target gets the marshalled code object (how the marshal and verify targets are
// seeded from tests/cases without committing binary pycs). Prints a line per target; a finding crashes.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "cache/marshal.h"
#include "compiler/compile.h"
#include "fuzz_targets.h"

namespace {

using Target = int (*)(const uint8_t*, size_t);

Target target_named(const std::string& name) {
  if (name == "parse") return minipy::fuzz::fuzz_parse;
  if (name == "marshal") return minipy::fuzz::fuzz_marshal;
  if (name == "verify") return minipy::fuzz::fuzz_verify;
  if (name == "vm") return minipy::fuzz::fuzz_vm;
  return nullptr;
}

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// One libFuzzer-like mutation step of `data`, chosen by `rng`.
void mutate(std::mt19937& rng, std::string& data) {
  static const char* interesting[] = {"\x00", "\xff", "\x7f", "\x80", "(", ")", ":", "\n", "'", "\"", "\\", "*",
                                      "[", "]", "{", "}", "yield ", "lambda:", "0x", "e9", "    "};
  auto pick = [&](size_t n) { return n ? std::uniform_int_distribution<size_t>(0, n - 1)(rng) : 0; };
  size_t pos = pick(data.size() + 1);
  switch (pick(5)) {
    case 0:
      if (!data.empty()) data[std::min(pos, data.size() - 1)] ^= static_cast<char>(1u << pick(8));
      break;
    case 1: {
      const char* bytes = interesting[pick(std::size(interesting))];
      data.insert(pos, bytes, std::max<size_t>(1, std::strlen(bytes)));
      break;
    }
    case 2: data.erase(pos, 1 + pick(8)); break;
    case 3: data.insert(pos, data.substr(pick(data.size() + 1), 1 + pick(16))); break;
    default: data.resize(pos); break;
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || !target_named(argv[1])) {
    std::fprintf(stderr, "usage: fuzz_replay parse|marshal|verify|vm [--mutations N] [--seed S] [--from-source] PATH...\n");
    return 2;
  }
  Target target = target_named(argv[1]);
  int mutations = 0;
  unsigned seed = 2026;
  bool from_source = false;
  std::vector<std::filesystem::path> files;
  for (int i = 2; i < argc; i++) {
    std::string arg = argv[i];
    if (arg == "--mutations" && i + 1 < argc) mutations = std::stoi(argv[++i]);
    else if (arg == "--seed" && i + 1 < argc) seed = static_cast<unsigned>(std::stoul(argv[++i]));
    else if (arg == "--from-source") from_source = true;
    else if (std::filesystem::is_directory(arg)) {
      for (const auto& entry : std::filesystem::directory_iterator(arg))
        {
        // Inputs are extension-less (libFuzzer's crash-<sha1>) or programs (.py); notes and expectations are not.
        std::string ext = entry.path().extension().string();
        if (entry.is_regular_file() && entry.path().filename().string()[0] != '.' && (ext.empty() || ext == ".py"))
          files.push_back(entry.path());
      }
    } else {
      files.push_back(arg);
    }
  }
  std::sort(files.begin(), files.end());  // the same order, hence the same mutations, on every machine
  // The programs' own output is not the point: it goes to /dev/null (our report goes to stderr).
  int devnull = open("/dev/null", O_WRONLY);
  if (devnull >= 0) dup2(devnull, STDOUT_FILENO);
  std::mt19937 rng(seed);
  size_t runs = 0;
  for (const auto& path : files) {
    std::string input = read_all(path);
    if (from_source) {
      auto compiled = minipy::compile_source(input, path.string(), minipy::ast::ParseMode::Exec);
      if (!compiled.ok()) continue;
      input = minipy::marshal_code(*compiled.value());
    }
    for (int m = 0; m <= mutations; m++) {
      std::string data = input;
      for (int steps = m ? 1 + static_cast<int>(rng() % 3) : 0; steps > 0; steps--) mutate(rng, data);
      // Reported before running, so a crash names its input (and the mutation, reproducible from the seed).
      if (std::getenv("FUZZ_REPLAY_TRACE")) std::fprintf(stderr, "%s #%d\n", path.c_str(), m);
      (void)target(reinterpret_cast<const uint8_t*>(data.data()), data.size());
      runs++;
    }
  }
  std::fprintf(stderr, "fuzz_replay %s: %zu inputs from %zu files, no finding\n", argv[1], runs, files.size());
  return 0;
}
