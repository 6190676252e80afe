"""The pyc view: `minipy -m dis FILE.pyc` (minipy's own; CPython's dis only reads source).

It prints the 16-byte PEP 552 header decoded, says whether import would use the cache for its source (and why
not), then disassembles the module with CPython's own Lib/dis.py. Every verdict comes from the cache's own
decision functions through the native `_pycview` module (classify_pyc, source_from_cache,
validate_timestamp_pyc / validate_hash_pyc, the verifier), so the view and `import` never disagree. A damaged
file is reported, field by field, and never raises: the exit status is 1 when no code could be shown.

Usage: minipy -m dis [-C | --show-caches] FILE.pyc
"""

import os
import sys
import time

import _pycview

# The final magic number of each CPython release series, and the first number of its development (the
# numbers in between are alphas and betas), as CPython's importlib/_bootstrap_external.py lists them.
MAGIC_SERIES = [
    # (first, final, version)
    (3000, 3131, "3.0"), (3141, 3151, "3.1"), (3160, 3180, "3.2"), (3190, 3230, "3.3"), (3250, 3310, "3.4"),
    (3320, 3351, "3.5"), (3360, 3379, "3.6"), (3390, 3394, "3.7"), (3400, 3413, "3.8"), (3420, 3425, "3.9"),
    (3430, 3439, "3.10"), (3450, 3495, "3.11"), (3500, 3531, "3.12"), (3550, 3571, "3.13"),
]

# PEP 552's flags word and the py_compile.PycInvalidationMode each value stands for.
INVALIDATION_MODES = {
    0b00: ("TIMESTAMP", "import compares the source's mtime and size with the header's"),
    0b01: ("UNCHECKED_HASH", "import trusts it without reading the source"),
    0b11: ("CHECKED_HASH", "import hashes the source and compares it with the header's hash"),
}


def python_version_of(magic):
    """The CPython version a magic number (the first two header bytes, little-endian) belongs to."""
    if magic == 62211:
        return "Python 2.7"
    for first, final, version in MAGIC_SERIES:
        if magic == final:
            return f"Python {version}"
        if first <= magic < final:
            return f"a Python {version} pre-release (alpha or beta)"
    return "no CPython release minipy knows"


def date(seconds):
    """Epoch seconds as a readable UTC date."""
    try:
        return time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(seconds))
    except (OverflowError, ValueError, OSError):
        return "not a representable date"


def word(data, offset):
    return int.from_bytes(data[offset:offset + 4], "little")


def show_header(out, data, name):
    """Prints the header's fields; returns _pycview.header's classification (a dict)."""
    shown = "  ".join(data[i:i + 4].hex(" ") for i in range(0, min(len(data), 16), 4))
    out(f"header:       {shown}" + ("" if len(data) >= 16 else f"  (only {len(data)} of 16 bytes)"))
    info = _pycview.header(data, name)
    if len(data) >= 4:
        magic = int.from_bytes(data[:2], "little")
        tail = "\\r\\n" if data[2:4] == b"\r\n" else f"{data[2:4]!r} instead of \\r\\n"
        out(f"  magic:      {magic} + {tail}: {python_version_of(magic)}"
            + ("" if info["rejection"] != "bad_magic" else " -- not 3.11's 3495 + \\r\\n"))
    else:
        out(f"  magic:      {data!r}: too short for a magic number")
    if len(data) >= 8:
        flags = word(data, 4)
        mode = INVALIDATION_MODES.get(flags)
        meaning = f"{mode[0]} ({mode[1]})" if mode else "not a PEP 552 invalidation mode (only 0, 1 and 3 are)"
        out(f"  flags:      {flags:#x}: {meaning}")
    if len(data) >= 16:
        if word(data, 4) & 1:
            out(f"  source hash: {data[8:16].hex()} (SipHash-1-3 of the source, importlib.util.source_hash)")
        else:
            mtime, size = word(data, 8), word(data, 12)
            out(f"  mtime:      {mtime} = {date(mtime)} (the source's modification time, seconds)")
            out(f"  size:       {size} bytes (the source's size, modulo 2**32)")
    if info["rejection"]:
        out(f"  damaged:    {info['reason']}")
    return info


def show_verdict(out, path, data, info):
    """Prints which source the cache belongs to and whether import would use the cache for it."""
    source, why_none = _pycview.source_for(path)
    if source is None:
        out(f"source:       none known ({why_none})")
        out("verdict:      sourceless: import runs such a file as it is, when it sits on sys.path as NAME.pyc")
        return
    name = os.path.basename(source).rpartition(".")[0] or source
    try:
        verdict = _pycview.verdict(data, source, name)
    except OSError as error:
        out(f"source:       {source} ({error.strerror})")
        out("verdict:      no source to compare with: import would not find this cache either")
        return
    mtime, size = verdict["source_mtime"], verdict["source_size"]
    out(f"source:       {source} (mtime {mtime} = {date(mtime)}, {size} bytes)")
    kind = verdict["rejection"]
    if verdict["fresh"] is None:
        out("verdict:      trusted: an unchecked hash-based pyc; import does not read the source")
    elif verdict["fresh"]:
        if info["hash_based"]:
            out("verdict:      fresh: the source's hash equals the header's (import uses this cache)")
        else:
            out("verdict:      fresh: the source's mtime and size equal the header's (import uses this cache)")
    elif kind == "stale_mtime":
        out(f"verdict:      stale: the source's mtime {mtime & 0xFFFFFFFF} ({date(mtime)}) differs from the "
            f"header's {word(data, 8)} (import recompiles: {verdict['reason']})")
    elif kind == "stale_size":
        out(f"verdict:      stale: the source's size {size & 0xFFFFFFFF} differs from the header's "
            f"{word(data, 12)} (import recompiles: {verdict['reason']})")
    elif kind == "hash_mismatch":
        out(f"verdict:      stale: the source now hashes to {verdict['actual_hash'].hex()}, not the header's "
            f"{data[8:16].hex()} (import recompiles: {verdict['reason']})")
    else:
        out(f"verdict:      unusable: {verdict['reason']} (import recompiles)")


def main(argv=None):
    args = sys.argv[1:] if argv is None else argv
    show_caches = False
    files = []
    for arg in args:
        if arg in ("-C", "--show-caches"):
            show_caches = True
        else:
            files.append(arg)
    if len(files) != 1:
        print("usage: minipy -m dis [-C | --show-caches] FILE.pyc", file=sys.stderr)
        return 2
    path = files[0]
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as error:
        print(f"minipy -m dis: can't open {path!r}: [Errno {error.errno}] {error.strerror}", file=sys.stderr)
        return 1
    out = print
    out(f"pyc file:     {path} ({len(data)} bytes)")
    name = os.path.basename(path).partition(".")[0]
    info = show_header(out, data, name)
    show_verdict(out, path, data, info)
    if info["rejection"]:
        out("code:         not shown: import refuses a file with this header")
        return 1
    try:
        code = _pycview.code(data)
    except (ValueError, SystemError) as error:
        out(f"code:         damaged body: {error}")
        return 1
    out(f"code:         {len(data) - 16} bytes of marshal data: module code from {code.co_filename!r}")
    out("")
    import dis
    dis.dis(code, show_caches=show_caches)
    return 0


if __name__ == "__main__":
    sys.exit(main())
