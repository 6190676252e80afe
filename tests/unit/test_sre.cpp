// The `_sre` engine (stdlib/native/sre_engine.h) on its own: the opcode numbering of CPython 3.11's
// re._constants, the one-code-point case mappings, deep backtracking without native recursion, and code that
// did not come from re._compiler failing as "invalid code" instead of reading outside it. The code arrays are
// what python3.11's re._compiler._code emits for the patterns named beside them.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "stdlib/native/sre_engine.h"

using namespace minipy::sre;

namespace {

Status run(const std::vector<uint32_t>& code, size_t groups, const std::string& subject, bool search,
           MatchState* out = nullptr) {
  Program program{code, groups};
  MatchState state;
  state.pos = 0;
  state.endpos = static_cast<ptrdiff_t>(subject.size());
  std::span<const uint8_t> units(reinterpret_cast<const uint8_t*>(subject.data()), subject.size());
  Status status = search ? minipy::sre::search(program, units, state) : minipy::sre::match(program, units, state);
  if (out) *out = state;
  return status;
}

const std::vector<uint32_t> kAOrBStarC = {14, 4, 0, 1, 4294967295, 24, 10, 0, 4294967295, 13, 5, 22, 97, 98, 0,
                                          1, 16, 99, 1};                                    // (?:a|b)*c
const std::vector<uint32_t> kTwoGroups = {14, 8, 1, 1, 2, 1, 0, 97, 0, 17, 0, 16, 97, 17, 1, 23, 9, 0, 1, 17, 2,
                                          16, 98, 17, 3, 18, 1};                            // (a)(b)?
const std::vector<uint32_t> kPossessive = {14, 4, 0, 2, 4294967295, 29, 6, 1, 4294967295, 16, 97, 1, 16, 98, 1};  // a++b

}  // namespace

TEST_SUITE("sre") {
  TEST_CASE("opcode numbering is re._constants.OPCODES") {
    CHECK(OP_FAILURE == 0);
    CHECK(OP_INFO == 14);
    CHECK(OP_LITERAL == 16);
    CHECK(OP_REPEAT_ONE == 24);
    CHECK(OP_POSSESSIVE_REPEAT_ONE == 29);
    CHECK(OP_RANGE_UNI_IGNORE == 42);
    CHECK(kOpcodeCount == 43);
    CHECK(AT_UNI_NON_BOUNDARY == 11);
    CHECK(CATEGORY_UNI_NOT_LINEBREAK == 17);
  }

  TEST_CASE("one-code-point case mappings are the first code point of the full mapping") {
    CHECK(unicode_lower(0x130) == 'i');      // İ lower-cases to "i̇"
    CHECK(unicode_upper(0xDF) == 'S');       // ß upper-cases to "SS"
    CHECK(unicode_upper(0x1F80) == 0x1F08);  // ᾀ upper-cases to "ἈΙ"
    CHECK(unicode_lower(0x212A) == 'k');     // KELVIN SIGN
    CHECK(unicode_iscased(0xE9));
    CHECK_FALSE(unicode_iscased('1'));
    CHECK(ascii_lower(0xC9) == 0xC9);
    CHECK_FALSE(ascii_iscased(0xE9));
  }

  TEST_CASE("matching and group marks") {
    MatchState state;
    REQUIRE(run(kTwoGroups, 2, "ab", false, &state) == kStatusMatched);
    CHECK(state.end == 2);
    CHECK(state.marks == std::vector<ptrdiff_t>{0, 1, 1, 2});
    CHECK(state.lastindex == 2);
    REQUIRE(run(kTwoGroups, 2, "ac", false, &state) == kStatusMatched);
    REQUIRE(state.marks.size() >= 2);
    CHECK(state.marks[0] == 0);
    CHECK(state.marks[1] == 1);
    CHECK((state.marks.size() == 2 || (state.marks[2] == -1 && state.marks[3] == -1)));
    CHECK(run(kPossessive, 0, "aab", true) == kStatusMatched);
    CHECK(run(kPossessive, 0, "aaa", true) == kStatusNoMatch);
  }

  TEST_CASE("deep backtracking uses the explicit stack, not native recursion") {
    std::string subject;
    for (int i = 0; i < 200000; i++) subject += i % 2 ? "b" : "a";
    CHECK(run(kAOrBStarC, 0, subject + "c", false) == kStatusMatched);
    CHECK(run(kAOrBStarC, 0, subject, false) == kStatusNoMatch);
  }

  TEST_CASE("code that did not come from the compiler fails as invalid code") {
    // Truncated at every length: never a read past the end.
    for (size_t n = 0; n < kAOrBStarC.size(); n++) {
      std::vector<uint32_t> cut(kAOrBStarC.begin(), kAOrBStarC.begin() + static_cast<ptrdiff_t>(n));
      Status status = run(cut, 0, "ababc", true);
      CHECK(status != kStatusMatched);
    }
    // A MARK beyond the declared groups, a GROUPREF to a group that does not exist, an unknown opcode.
    CHECK(run({17, 4, 1}, 1, "a", false) == kStatusInvalidCode);
    CHECK(run({11, 3, 1}, 1, "a", false) == kStatusInvalidCode);
    CHECK(run({99, 1}, 0, "a", false) == kStatusInvalidCode);
    // A BIGCHARSET whose block table names a block it does not have.
    std::vector<uint32_t> big = {13, 0, 10, 1};
    for (int i = 0; i < 64; i++) big.push_back(0x05050505);
    for (int i = 0; i < 8; i++) big.push_back(0xFFFFFFFF);
    big.push_back(0);
    big[1] = static_cast<uint32_t>(big.size() - 1);
    big.push_back(1);
    CHECK(run(big, 0, "a", false) == kStatusInvalidCode);
    // A REPEAT body's UNTIL without its REPEAT.
    CHECK(run({18, 1}, 0, "a", false) == kStatusInvalidCode);
  }
}
