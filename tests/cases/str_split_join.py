# str.split / rsplit / splitlines / join / partition.
s = "  the quick  brown\tfox\njumps  "
print(s.split())
print(s.split(" "))
print(s.split(None, 2))
print("a,b,,c,".split(","))
print("a,b,,c,".split(",", 1))
print("a,b,,c,".split(",", 0))
print("a::b::c".split("::"))
print("".split(), "".split(","), "   ".split())
print("one two three".rsplit(" ", 1), "x-y-z".rsplit("-"), "x-y-z".rsplit("-", 1))
print("line1\nline2\r\nline3\n".splitlines(), "a\n\nb".splitlines(), "no newline".splitlines())
print(", ".join(["a", "b", "c"]), "".join(["x", "y"]), "-".join("abc"), " ".join([]))
print("/".join(("usr", "local", "bin")), "\n".join(["l1", "l2"]))
print("key=value=more".partition("="), "novalue".partition("="), "a=b=c".rpartition("="))
words = "the rain in spain stays mainly in the plain".split()
print(len(words), words[0], words[-1])
print(" ".join(sorted(words)))
print("|".join([w.upper() for w in words]))
csv = "name,age,city\nann,31,oslo\nbob,27,rome"
for line in csv.split("\n"):
    fields = line.split(",")
    print(fields, len(fields))
print("a b".split(" ", -1), "1  2".split(" "))
