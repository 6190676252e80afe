# importlib.util.find_spec and friends against the import statement: a temporary package tree on sys.path.
import importlib, importlib.util, importlib.machinery, os, sys, tempfile

root = tempfile.mkdtemp()
def write(rel, text):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        f.write(text)
write('ifs_pkg/__init__.py', 'VALUE = 1\n')
write('ifs_pkg/sub.py', 'from . import sibling\nNAME = __name__ + ":" + sibling.WHO\n')
write('ifs_pkg/sibling.py', 'WHO = "sibling"\n')
write('ifs_pkg/__main__.py', 'print("pkg main as", __name__)\n')
write('ifs_pkg/runme.py', 'from .sibling import WHO\nNAME = __name__ + ":" + WHO\n')
write('ifs_mod.py', 'counter = 0\ncounter += 1\nprint("ifs_mod body ran")\n')
write('ifs_script.py', 'print("script as", __name__)\nRESULT = 42\n')
sys.path.insert(0, root)

def rel(path):
    return None if path is None else os.path.relpath(path, root)

for name, package in [('ifs_pkg', None), ('ifs_pkg.sub', None), ('.sibling', 'ifs_pkg'), ('ifs_missing', None),
                      ('ifs_pkg.missing', None)]:
    spec = importlib.util.find_spec(name, package)
    if spec is None:
        print(name, '-> None')
        continue
    print(name, '->', spec.name, spec.parent, rel(spec.origin), spec.has_location,
          [rel(p) for p in spec.submodule_search_locations or []])
    loader = spec.loader
    print('  is_package', loader.is_package(spec.name), 'filename', rel(loader.get_filename(spec.name)))
    print('  source starts', repr(loader.get_source(spec.name)[:9]))
    code = loader.get_code(spec.name)
    print('  code', type(code).__name__, rel(code.co_filename))
    print('  data', loader.get_data(spec.origin)[:9])

print(importlib.util.find_spec('ifs_pkg') is sys.modules['ifs_pkg'].__spec__)
for bad in [('.x', None), ('ifs_mod.sub', None)]:
    try:
        importlib.util.find_spec(*bad)
    except Exception as e:
        print(type(e).__name__, str(e).replace(root, 'ROOT'))
print(importlib.util.resolve_name('..a', 'p.q.r'), importlib.util.resolve_name('abs', None))
try:
    importlib.util.resolve_name('...a', 'p')
except ImportError as e:
    print('ImportError', e)

# import_module, relative and absolute, and reload.
sub = importlib.import_module('.sub', 'ifs_pkg')
print(sub.NAME, importlib.import_module('ifs_pkg.sibling').WHO)
try:
    importlib.import_module('.sub')
except TypeError as e:
    print('TypeError', e)
mod = importlib.import_module('ifs_mod')
mod.counter = 10
write('ifs_mod.py', 'counter = 5\nextra = "new"\nprint("ifs_mod body ran again")\n')
importlib.invalidate_caches()
again = importlib.reload(mod)
print(again is mod, mod.counter, mod.extra)

# spec_from_file_location + module_from_spec + exec_module: a module outside sys.path.
write('elsewhere/loose.py', 'def hello():\n    return "hello from " + __name__\n')
spec = importlib.util.spec_from_file_location('loose_mod', os.path.join(root, 'elsewhere/loose.py'))
print(spec.name, rel(spec.origin), spec.has_location, spec.parent == '')
module = importlib.util.module_from_spec(spec)
print(module.__name__, rel(module.__file__), module.__spec__ is spec, 'loose_mod' in sys.modules)
spec.loader.exec_module(module)
print(module.hello())

# runpy.run_module and run_path.
import runpy
ns = runpy.run_module('ifs_pkg.runme')
print(ns['__name__'], ns['NAME'])
runpy.run_module('ifs_pkg', run_name='__main__')
ns = runpy.run_path(os.path.join(root, 'ifs_script.py'))
print(ns['__name__'], ns['RESULT'])
try:
    runpy.run_module('ifs_missing')
except ImportError as e:
    print(type(e).__name__, e)

print(importlib.machinery.PathFinder in sys.meta_path, importlib.machinery.BuiltinImporter in sys.meta_path)
print(importlib.machinery.SOURCE_SUFFIXES, importlib.util.find_spec('sys').origin)

# Native modules carry CPython's built-in spec.
import math
for name in ['math', 'sys', 'builtins', 'marshal']:
    spec = importlib.util.find_spec(name)
    print(name, spec.name, spec.origin, spec.loader, spec.parent == '', spec.has_location)
    print(' ', sys.modules[name].__loader__ is importlib.machinery.BuiltinImporter, repr(sys.modules[name].__package__))
print(importlib.machinery.BuiltinImporter.find_spec('math').origin, importlib.machinery.PathFinder.find_spec('math'))
print(importlib.machinery.PathFinder.find_spec('ifs_pkg').name, importlib.machinery.FrozenImporter.find_spec('ifs_pkg'))
