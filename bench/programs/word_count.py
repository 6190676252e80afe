# Dicts and strings: generate text, split, normalise, count words and letter pairs, format a report.
syllables = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "xe", "du"]
seed = 12345
words = []
for _ in range(700000):
    seed = (seed * 1103515245 + 12345) % 2147483648
    n = 1 + seed % 3
    w = ""
    for k in range(n):
        w += syllables[(seed >> (4 * k + 3)) % 10]
    words.append(w.upper() if seed % 17 == 0 else w)
text = " ".join(words)
counts = {}
for w in text.split():
    w = w.lower().strip()
    counts[w] = counts.get(w, 0) + 1
pairs = {}
for w in counts:
    for i in range(len(w) - 1):
        p = w[i:i + 2]
        pairs[p] = pairs.get(p, 0) + counts[w]
def by_count(item):
    return (-item[1], item[0])
top = sorted(counts.items(), key=by_count)[:5]
report = []
for w, c in top:
    report.append(f"{w}:{c}")
print("checksum", len(counts), len(pairs), sum(pairs.values()), ",".join(report))
