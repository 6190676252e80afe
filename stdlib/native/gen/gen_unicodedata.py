#!/usr/bin/env python3.11
"""Writes unicodedata_tables.inc, the Unicode 14.0.0 database of minipy's native unicodedata module, by probing
the running python3.11's own unicodedata, so every property agrees with CPython 3.11 by construction. Run by
CMake at build time into the build directory (the tables are about 1 MB of C++; none of it is committed):
    python3.11 stdlib/native/gen/gen_unicodedata.py OUTPUT.inc

What it writes (namespace minipy::ucd):
- property records (category, bidirectional, combining, east_asian_width, mirrored, decimal, digit, numeric,
  decomposition) deduplicated, and a two-level index from code point to record (blocks of 128 code points,
  identical blocks shared);
- the names of all named characters except the algorithmic ones (Hangul syllables and CJK unified ideographs,
  whose names the module computes), each a sequence of word numbers into one word list;
- name aliases and named sequences (which only lookup() accepts). CPython's unicodedata cannot list them, so
  the candidates come from Perl's copy of the Unicode 14.0 name list when the system has it
  (/usr/share/perl/*/unicore/Name.pl, Debian's perl-modules) and each is kept only if python3.11's
  unicodedata.lookup() agrees; without that file lookup() knows no aliases;
- the canonical compositions NFC applies (pairs whose composite survives NFC: composition exclusions and
  singletons are left out).
"""
import glob
import sys
import unicodedata

BLOCK_SHIFT = 7
BLOCK = 1 << BLOCK_SHIFT


def is_algorithmic_name(code, name):
    return name.startswith("HANGUL SYLLABLE ") or name == f"CJK UNIFIED IDEOGRAPH-{code:X}"


def c_string(text):
    out = []
    for byte in text.encode("utf-8"):
        ch = chr(byte)
        if ch == "\\" or ch == '"':
            out.append("\\" + ch)
        elif 32 <= byte < 127:
            out.append(ch)
        else:
            out.append(f"\\{byte:03o}")
    return '"' + "".join(out) + '"'


def numbers(values, per_line=24):
    values = list(values)
    lines = []
    for i in range(0, len(values), per_line):
        lines.append("    " + ", ".join(str(v) for v in values[i:i + per_line]) + ",")
    return "\n".join(lines)


def interned(table, index, value):
    if value not in index:
        index[value] = len(table)
        table.append(value)
    return index[value]


def alias_candidates():
    """(name, text) pairs from Perl's Name.pl: records of a hex code point list and a name."""
    paths = sorted(glob.glob("/usr/share/perl/*/unicore/Name.pl"))
    if not paths:
        print("gen_unicodedata: no Name.pl found: lookup() will know no name aliases", file=sys.stderr)
        return []
    body = open(paths[-1], encoding="utf-8").read()
    body = body[body.index("<<'END';\n") + len("<<'END';\n"):body.rindex("\nEND\n")]
    pairs = []
    for record in body.split("\n\n"):
        lines = record.strip().split("\n")
        if len(lines) != 2:
            continue
        try:
            text = "".join(chr(int(h, 16)) for h in lines[0].split())
        except ValueError:
            continue
        pairs.append((lines[1], text))
    return pairs


def main():
    out_path = sys.argv[1]
    categories, category_index = [], {}
    bidis, bidi_index = [], {}
    widths, width_index = [], {}
    numerics, numeric_index = [None], {None: 0}
    decompositions, decomposition_index = [""], {"": 0}
    records, record_index = [], {}
    per_code = []
    names = []  # (code, name)
    cjk_ranges = []  # [first, last] runs of CJK UNIFIED IDEOGRAPH-XXXX names
    for code in range(0x110000):
        ch = chr(code)
        numeric = unicodedata.numeric(ch, None)
        record = (
            interned(categories, category_index, unicodedata.category(ch)),
            interned(bidis, bidi_index, unicodedata.bidirectional(ch)),
            unicodedata.combining(ch),
            interned(widths, width_index, unicodedata.east_asian_width(ch)),
            unicodedata.mirrored(ch),
            unicodedata.decimal(ch, -1),
            unicodedata.digit(ch, -1),
            interned(numerics, numeric_index, numeric),
            interned(decompositions, decomposition_index, unicodedata.decomposition(ch)),
        )
        per_code.append(interned(records, record_index, record))
        name = unicodedata.name(ch, None)
        if name is not None and not is_algorithmic_name(code, name):
            names.append((code, name))
        if name == f"CJK UNIFIED IDEOGRAPH-{code:X}":
            if cjk_ranges and cjk_ranges[-1][1] == code - 1:
                cjk_ranges[-1][1] = code
            else:
                cjk_ranges.append([code, code])

    blocks, block_index, index1 = [], {}, []
    for start in range(0, 0x110000, BLOCK):
        block = tuple(per_code[start:start + BLOCK])
        index1.append(interned(blocks, block_index, block))

    words, word_index = [], {}
    name_words, name_starts = [], []
    for code, name in names:
        name_starts.append((code, len(name_words)))
        name_words.extend(interned(words, word_index, w) for w in name.split(" "))
    assert len(words) < 65536 and len(records) < 65536

    aliases = []
    seen = set()
    for name, text in alias_candidates():
        if name in seen:
            continue
        try:
            found = unicodedata.lookup(name)
        except KeyError:
            continue
        if found == text and (len(text) > 1 or unicodedata.name(text, None) != name):
            seen.add(name)
            aliases.append((name, text))

    compositions = []
    for code in range(0x110000):
        ch = chr(code)
        parts = unicodedata.decomposition(ch).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            first, second = int(parts[0], 16), int(parts[1], 16)
            if unicodedata.normalize("NFC", chr(first) + chr(second)) == ch:
                compositions.append((first, second, code))

    with open(out_path, "w", encoding="utf-8") as f:
        w = f.write
        w("// Generated by stdlib/native/gen/gen_unicodedata.py from python3.11's unicodedata. Do not edit.\n")
        w("namespace minipy::ucd {\n\n")
        w(f'constexpr char kUnidataVersion[] = "{unicodedata.unidata_version}";\n')
        w(f"constexpr int kBlockShift = {BLOCK_SHIFT};\n")
        for cname, table in [("kCategories", categories), ("kBidirectionals", bidis), ("kEastAsianWidths", widths),
                             ("kDecompositions", decompositions)]:
            w(f"constexpr const char* {cname}[] = {{\n")
            w(",\n".join("    " + c_string(s) for s in table) + ",\n};\n")
        w("constexpr double kNumerics[] = {\n    0.0,\n")
        w("\n".join(f"    {float(v)!r}," for v in numerics[1:]) + "\n};\n")
        w("struct Record {\n  uint8_t category, bidirectional, combining, east_asian_width, mirrored;\n"
          "  int8_t decimal, digit;\n  uint16_t numeric;  // 0: none, else kNumerics[numeric]\n"
          "  uint16_t decomposition;\n};\n")
        w("constexpr Record kRecords[] = {\n")
        w("\n".join("    {" + ", ".join(str(v) for v in r) + "}," for r in records) + "\n};\n")
        w("constexpr uint16_t kBlockOfChunk[] = {\n" + numbers(index1) + "\n};\n")
        w("constexpr uint16_t kRecordInBlock[] = {\n" + numbers(r for b in blocks for r in b) + "\n};\n")
        w("constexpr char kWords[] =\n")
        w("\n".join("    " + c_string(word + "\0")[:-1] + '"' for word in words) + ";\n")
        offsets, offset = [], 0
        for word in words:
            offsets.append(offset)
            offset += len(word.encode()) + 1
        w("constexpr uint32_t kWordOffsets[] = {\n" + numbers(offsets) + "\n};\n")
        w("constexpr uint16_t kNameWords[] = {\n" + numbers(name_words) + "\n};\n")
        w("struct NameEntry {\n  uint32_t code;\n  uint32_t first_word;  // into kNameWords, up to the next entry's\n};\n")
        w("constexpr NameEntry kNames[] = {\n")
        w(numbers((f"{{{c}, {s}}}" for c, s in name_starts), 8))
        w(f"\n    {{0x110000, {len(name_words)}}},\n}};\n")
        w("struct Alias {\n  const char* name;\n  const char* text;  // UTF-8: one character, or a named sequence\n};\n")
        w("constexpr Alias kAliases[] = {\n")
        w("\n".join(f"    {{{c_string(n)}, {c_string(t)}}}," for n, t in aliases) + "\n};\n")
        w("struct CodeRange {\n  uint32_t first, last;\n};\n")
        w("constexpr CodeRange kCjkUnifiedIdeographs[] = {\n")
        w("\n".join(f"    {{{a:#x}, {b:#x}}}," for a, b in cjk_ranges) + "\n};\n")
        w("struct Composition {\n  uint32_t first, second, composite;\n};\n")
        w("constexpr Composition kCompositions[] = {\n")
        w(numbers((f"{{{a}, {b}, {c}}}" for a, b, c in compositions), 6) + "\n};\n")
        w("\n}  // namespace minipy::ucd\n")


if __name__ == "__main__":
    main()
