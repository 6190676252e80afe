# pathlib and shutil on a fresh temporary tree: path arithmetic, read/write, iterdir/glob/rglob (os.scandir),
# copy/copytree/move, os.walk, rmtree, which.
import os, pathlib, shutil, tempfile, statistics, warnings
base = pathlib.Path(tempfile.mkdtemp(prefix="mp_"))
p = base / "docs" / "notes.txt"
print(p.name, p.stem, p.suffix, p.parent.name, p.parts[-2:], p.with_suffix(".md").name, p.relative_to(base))
p.parent.mkdir(parents=True, exist_ok=True)
p.write_text("hello\nworld\n")
print(p.exists(), p.is_file(), p.parent.is_dir(), p.read_text().splitlines(), p.stat().st_size)
(base / "docs" / "b.py").write_bytes(b"x = 1\n")
print(sorted(q.name for q in (base / "docs").iterdir()), sorted(q.name for q in base.glob("**/*.py")))
print(sorted(q.name for q in base.rglob("*.txt")), pathlib.PurePosixPath("/a/b/../c").parts)
print(pathlib.PurePath("a/b.tar.gz").suffixes, pathlib.Path("x").with_name("y"), pathlib.PurePath("/a") / "b" / "c")
try:
    (base / "missing.txt").read_text()
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
shutil.copy(p, base / "copy.txt")
shutil.copytree(base / "docs", base / "docs2")
print(sorted(os.listdir(base)), sorted(os.listdir(base / "docs2")))
shutil.move(str(base / "copy.txt"), str(base / "moved.txt"))
print((base / "moved.txt").read_text() == p.read_text())
walked = [(os.path.relpath(d, base), sorted(ds), sorted(fs)) for d, ds, fs in os.walk(base)]
print(sorted(walked))
shutil.rmtree(base)
print(base.exists(), shutil.which("sh") is not None)
