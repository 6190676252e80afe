# File names that are not UTF-8: os.listdir/scandir/walk/glob and pathlib give str names with the undecodable bytes
# surrogate-escaped (os.fsdecode) and bytes names for a bytes path; such str names open, stat and encode back
# (os.fsencode). listdir also takes a directory descriptor, and a bytearray path with a DeprecationWarning.
import glob
import os
import pathlib
import tempfile
import warnings

with tempfile.TemporaryDirectory() as tmp:
    os.chdir(tmp)
    for raw in (b"caf\xe9.txt", b"ok.txt", "\u00e9t\u00e9.txt".encode()):
        with open(raw, "wb") as f:
            f.write(raw)
    os.mkdir(b"sub\xff")
    names = sorted(os.listdir("."))
    print([ascii(n) for n in names])
    print(sorted(os.listdir(b".")))
    print(sorted(os.listdir()) == names, sorted(os.listdir(os.getcwd())) == names)
    for name in names:
        encoded = os.fsencode(name)
        print(ascii(name), encoded, os.fsdecode(encoded) == name, os.path.exists(name), os.stat(name).st_size)
    print(sorted(ascii(e.name) for e in os.scandir(".")), sorted(e.name for e in os.scandir(b".")))
    print(sorted(ascii(e.path) for e in os.scandir(tmp))[0].startswith("'/"))
    top, dirs, files = next(os.walk(b"."))
    print(top, dirs, sorted(files))
    top, dirs, files = next(os.walk("."))
    print(top, [ascii(d) for d in dirs], sorted(ascii(f) for f in files))
    print(sorted(glob.glob(b"*.txt")), sorted(ascii(g) for g in glob.glob("*.txt")))
    print(sorted(ascii(p.name) for p in pathlib.Path(".").iterdir()))
    with open("caf\udce9.txt", "rb") as f:
        print(f.read())
    os.rename("caf\udce9.txt", "renamed\udce9")
    print(sorted(os.listdir(b".")))
    fd = os.open(".", os.O_RDONLY)
    print(sorted(ascii(n) for n in os.listdir(fd)), sorted(ascii(n) for n in os.listdir(fd)) == sorted(ascii(n) for n in os.listdir(".")))
    os.close(fd)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        print(sorted(os.listdir(bytearray(b"."))))
    print([str(w.message) for w in caught], [w.category.__name__ for w in caught])
    for bad in ("\ud800.txt", "x\0y"):
        try:
            os.stat(bad)
        except (UnicodeEncodeError, ValueError) as e:
            print(type(e).__name__, e)
    for bad in (1.5, None, [1]):
        try:
            os.listdir(bad) if bad is not None else print("None ok", len(os.listdir(None)))
        except TypeError as e:
            print("TypeError:", e)
    print(ascii(os.getcwd()) == ascii(tmp), os.getcwdb() == os.fsencode(tmp))
    os.chdir("/")
