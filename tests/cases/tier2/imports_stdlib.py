# Tier 3: imports of stdlib modules minipy writes in Python.
import math
import sys
from collections import Counter, defaultdict
print(math.sqrt(16), math.pi, math.floor(-2.5), sys.version_info[:2])
print(Counter("mississippi").most_common(2))
d = defaultdict(list)
d["a"].append(1)
print(dict(d))
