# faulthandler's report of a fatal signal raised in a finalizer that gc.collect() runs: "Garbage-collecting" above
# the finalizer's frame and the frame that called gc.collect(). Named finalize_*: when the cycle is collected
# depends on the build's stack layout (a sanitizer build may keep it until exit), so sanitizer builds check this
# case for memory errors only (tests/tools/run_case).
import os
import re
import subprocess
import sys

child_env = dict(os.environ)
child_env["ASAN_OPTIONS"] = child_env.get("ASAN_OPTIONS", "") + ":handle_segv=0:handle_sigfpe=0:handle_sigbus=0"
code = ("import faulthandler, gc\nfaulthandler.enable()\nclass C:\n    def __del__(self):\n"
        "        faulthandler._sigsegv()\na = C(); b = C(); a.b = b; b.a = a\ndel a, b\ngc.collect()\n")
proc = subprocess.run([sys.executable, "-c", code], capture_output=True, env=child_env)
lines = re.sub(r"(?i)(thread) 0x[0-9a-f]+", r"\1 0x<id>", proc.stderr.decode()).splitlines() + [""]
# What follows the stack ("Extension modules: ...") names each interpreter's own native modules.
print(proc.returncode, lines[:lines.index("", 2)])
