# _json.encode_basestring_ascii and encode_basestring (json.encoder's string escaping): every control character,
# quotes and backslashes, non-ASCII and non-BMP characters, lone surrogates' absence, and the error messages.
import _json

samples = ["", "plain", 'quote " and \\ backslash', "tab\tnew\nline\rret\bback\fform", "".join(map(chr, range(32))),
           "\x7f\x80\x9f\xa0", "héllo wörld", "日本語", "emoji 😀 and 𝄞", "mixed \u2028\u2029 seps", "/slash"]
for s in samples:
    print(_json.encode_basestring_ascii(s))
    print(_json.encode_basestring(s))
for expr in ["_json.encode_basestring_ascii(1)", "_json.encode_basestring(b'x')", "_json.encode_basestring()",
             "_json.encode_basestring_ascii('a', 'b')"]:
    try:
        print(expr, "->", eval(expr))
    except TypeError as e:
        print(expr, "!!", e)
