# The cache tour's main script: imports two modules of the `tour` package and prints a small report.
# Running a script never caches the script itself; the modules it imports get __pycache__ entries.
from tour import geometry, text
import tour

print(text.banner("cache tour " + tour.VERSION))
for w, h in [(3, 4), (5, 12), (8, 15)]:
    print(text.row(f"{w}x{h}", geometry.area(w, h), geometry.diagonal(w, h)))
print(text.banner("total area " + str(geometry.total_area([(3, 4), (5, 12), (8, 15)]))))
