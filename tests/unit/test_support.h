// Helpers the unit tests share (defined in tests/unit/test_marshal.cpp): temporary files, hex, and asking the
// installed python3.11 for the expected answer, so expectations come from CPython rather than from minipy.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace minipy_test {

// Whether python3.11 runs here (tests that need it skip loudly without it).
bool have_python311();
// A new empty directory under the temporary directory.
std::string make_temp_dir();
void write_file(const std::string& path, std::string_view data);
std::string read_file(const std::string& path);
// Runs `script` under python3.11 with a clean environment and `args`; returns its stdout (a failure fails the
// test).
std::string run_python311(const std::string& script, const std::vector<std::string>& args = {});
std::string to_hex(std::string_view bytes);
std::string from_hex(std::string_view hex);
std::span<const uint8_t> as_span(std::string_view s);
std::vector<std::string> split_lines(const std::string& text);
// Writes the inputs one per line to a file and returns python3.11's output lines for them (the script gets the
// file's path first, then `extra_args`).
std::vector<std::string> ask_python(const std::string& script, const std::vector<std::string>& inputs,
                                    std::vector<std::string> extra_args = {});

}  // namespace minipy_test
