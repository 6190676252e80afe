# String literal forms: prefixes, quotes, triple quotes, escapes, raw strings, implicit concatenation.
print('single', "double", '''triple single''', """triple double""")
print("concat" "enated" 'across' "quotes")
print(r"raw\nstring", R"\t\d", r'\'', u"unicode prefix", U"U too")
print("escapes: \\ \' \" \a|\b|\f|\v|".replace("\a", "<BEL>").replace("\b", "<BS>").replace("\f", "<FF>").replace("\v", "<VT>"))
print("octal \101 \060 \7".replace("\7", "<7>"), "hex \x7e", "line\
continued")
multi = """first line
  second "line" with 'quotes'
third\tline"""
print(multi)
print(len(multi), multi.count("\n"))
raw_multi = r"""raw \n
keeps \backslashes"""
print(raw_multi)
s = ("implicit "
     "joining "
     "inside parens")
print(s)
print('' == "", len(''), repr(''), repr(""), repr('"'), repr("'"))
print("a" * 0, "ab" * 3, 3 * "x", "-" * 20)
e = ""
for i in range(5):
    e += str(i) + ","
print(e)
