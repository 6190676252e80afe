# A case-insensitive str: __eq__/__hash__/__contains__ overrides are honoured by dicts, sets, `in` and `==`.
class CaseInsensitive(str):
    def __eq__(self, other):
        return isinstance(other, str) and self.casefold() == other.casefold()

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash(self.casefold())

    def __contains__(self, sub):
        return sub.casefold() in self.casefold()

    def __lt__(self, other):
        return self.casefold() < other.casefold()


k = CaseInsensitive("Content-Type")
print(k == "content-type", "CONTENT-TYPE" == k, k != "content-type", k == "other", k == 5, "TYPE" in k, "x" in k)
headers = {CaseInsensitive("Content-Type"): "text/plain", CaseInsensitive("X-Id"): "7"}
print(headers[CaseInsensitive("content-type")], CaseInsensitive("x-ID") in headers, headers.get(CaseInsensitive("nope")))
seen = {CaseInsensitive("Apple"), CaseInsensitive("APPLE"), CaseInsensitive("banana")}
print(len(seen), CaseInsensitive("apple") in seen, sorted(seen))
words = [CaseInsensitive(w) for w in ["b", "A", "c", "B"]]
print(sorted(words), words.count("b"), words.index("a"), [w for w in words if w == "B"])
print(k.upper(), type(k.upper()).__name__, k.lower() == "content-type", k.split("-"), len(k))
print(str.__eq__(k, "content-type"), str.__eq__(k, "Content-Type"), str.__hash__(k) == hash("Content-Type"))
print(str.__contains__(k, "TYPE"), str.__contains__(k, "Type"), str.__lt__(k, "a"))


class Path(str):
    def __truediv__(self, other):
        return Path(self.rstrip("/") + "/" + other)

    def __getitem__(self, i):
        return "item" + str(i)

    def __len__(self):
        return 99

    def __iter__(self):
        return iter(self.split("/"))


p = Path("/usr") / "lib" / "python"
print(p, type(p).__name__, p[0], len(p), list(p), [x for x in p], sorted(p), " ".join(p), tuple(p))
print(str.__len__(p), str.__getitem__(p, 1), str(p)[1], max(p))
