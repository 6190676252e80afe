# A source's coding line may name any codec CPython has (PEP 263): the whole source is decoded with it before
# tokenizing, so SyntaxError offsets count its characters; a codec that cannot decode the bytes is CPython's
# SyntaxError with the UnicodeDecodeError's text, an unknown one is "unknown encoding: NAME".
sources = [
    b'# -*- coding: cp1251 -*-\nx = "\xcf\xb3\xf2\xee\xed"\nprint(x, len(x))\n',
    b'# -*- coding: cp1251 -*-\nPython = "\xcf\xb3\xf2\xee\xed" +',
    b'# -*- coding: iso8859-7 -*-\n\xe1 = 0xI',
    b'# -*- coding: iso8859-7 -*-\n\xe1 = 5\nprint(\xe1 * 2)\n',
    b'# coding: koi8-r\nx = "\xcf\xb3"\nprint(x)\n',
    b'# coding: cp1252\nx = "\x80" +\n',
    b'# coding: cp437\nprint("\x82\x9c")\n',
    b'#!/usr/bin/env python\n# vim: set fileencoding=mac-roman :\nprint("\x8e")\n',
    b'# coding: ascii\nx = "\xcf"\n',
    b'# coding: ascii\nprint("plain")\n',
    b'# coding: utf-16\nx = 1\n',
    b'# coding: bogus\nx = 1\n',
    b'# coding: latin-1\nprint("\xe9")\n',
    b'\xef\xbb\xbf# coding: cp1251\nx = 1\n',
]
for source in sources:
    try:
        code = compile(source, "<case>", "exec")
        print(repr(source), "compiles")
        exec(code, {})
    except SyntaxError as e:
        print(repr(source), type(e).__name__, e.msg, (e.lineno, e.offset, e.end_lineno, e.end_offset), repr(e.text))
