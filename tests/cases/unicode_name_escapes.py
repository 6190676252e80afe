# "\N{NAME}" escapes in str literals and f-strings (the compiler's name table, generated from python3.11's
# unicodedata): stored names case-insensitively, aliases, algorithmic Hangul and CJK names; bytes keep the
# backslash; raw strings keep it too; re's own \N{...}; and the decoding errors with CPython's positions.
import re

print("\N{LATIN SMALL LETTER A}", "\N{greek small letter alpha}", ascii("\N{LINE FEED}\N{NBSP}x"))
print(ascii("\N{HANGUL SYLLABLE GAG}\N{CJK UNIFIED IDEOGRAPH-4E00}\N{CJK UNIFIED IDEOGRAPH-20000}\N{GRINNING FACE}"))
print(f"{1+1}\N{DIGIT ONE}{'x'}", f"\N{LEFT CURLY BRACKET}\N{RIGHT CURLY BRACKET}", rf"\N{len('ab')}", b"\N{DIGIT ONE}")
print(r"\N{DIGIT ONE}", "a\N{COMBINING ACUTE ACCENT}" == "a\u0301", len("\N{BYTE ORDER MARK}"), "\N{SPACE}".isspace())
print(re.findall(r"\N{DIGIT ONE}+", "a111b1"), re.escape("\N{EM DASH}"), re.sub("\N{SPACE}", "_", "a b c"))
for src in [r'"\N{foo}"', r'"\N{"', r'"\N"', r'"\N{}"', r'"ab\Nx"', r'"\N{LATIN CAPITAL LETTER A WITH MACRON AND GRAVE}"',
            r'"\N{hangul syllable ga}"', r'"\N{CJK UNIFIED IDEOGRAPH-4e00}"', r'x = "ok" "\N{nope}"']:
    try:
        print(ascii(eval(compile(src, "s", "exec"))))
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.lineno, e.offset)
