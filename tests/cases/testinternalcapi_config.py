# _testinternalcapi.get_config(): test.support's requires_debug_ranges reads code_debug_ranges from it (test_dis
# decorates classes with it, so without the module test_dis does not import).
import sys
import _testinternalcapi

config = _testinternalcapi.get_config()
print(type(config).__name__, config is not _testinternalcapi.get_config())
for key in ("code_debug_ranges", "optimization_level", "verbose", "isolated", "safe_path", "pycache_prefix"):
    print(key, repr(config[key]))
print(config["write_bytecode"] == (not sys.dont_write_bytecode))
try:
    _testinternalcapi.get_config(1)
except TypeError as e:
    print("TypeError:", e)

from test import support
print(support.has_no_debug_ranges())
