# A program's own finder on sys.meta_path (importlib.abc classes), importlib.resources, importlib.metadata on a
# small dist-info, and pkgutil.iter_modules, all on a temporary directory.
import importlib, importlib.abc, importlib.util, importlib.machinery, os, sys, tempfile

class StringLoader(importlib.abc.Loader):
    def __init__(self, sources):
        self.sources = sources
    def create_module(self, spec):
        return None
    def exec_module(self, module):
        print('exec_module', module.__name__, module.__spec__.origin, module.__loader__ is self)
        exec(self.sources[module.__name__], module.__dict__)

class StringFinder(importlib.abc.MetaPathFinder):
    def __init__(self, sources):
        self.loader = StringLoader(sources)
        self.asked = []
    def find_spec(self, fullname, path, target=None):
        self.asked.append((fullname, path is None))
        if fullname not in self.loader.sources:
            return None
        is_package = fullname == 'virtual'
        return importlib.util.spec_from_loader(fullname, self.loader, origin='string:' + fullname,
                                               is_package=is_package)

finder = StringFinder({'virtual': 'X = 1\n', 'virtual.child': 'from . import X\nY = X + 1\n',
                       'broken': 'raise ValueError("broken body")\n'})
print(isinstance(finder, importlib.abc.MetaPathFinder), issubclass(StringLoader, importlib.abc.Loader))
sys.meta_path.insert(0, finder)
import virtual.child
print(virtual.X, virtual.child.Y, virtual.child.__package__, virtual.__path__)
print(finder.asked)
try:
    import broken
except ValueError as e:
    print('ValueError', e, 'broken' in sys.modules)
import json  # the default finders still answer behind the program's
print(json.__name__, ('json', True) in finder.asked)
print(importlib.util.find_spec('virtual.child').origin)
sys.meta_path.remove(finder)

# A finder appended at the end is asked only for what the default finders do not find.
late = StringFinder({'late_only': 'Z = 3\n', 'json': 'raise AssertionError\n'})
sys.meta_path.append(late)
import late_only
print(late_only.Z, late.asked)
sys.meta_path.remove(late)
try:
    import late_only_missing
except ModuleNotFoundError as e:
    print('ModuleNotFoundError', e)

# importlib.resources and pkgutil on a temporary package.
root = tempfile.mkdtemp()
os.makedirs(os.path.join(root, 'res_pkg', 'data'))
for rel, text in [('res_pkg/__init__.py', ''), ('res_pkg/data/hello.txt', 'hello resources\n'),
                  ('res_pkg/alpha.py', ''), ('res_pkg/beta/__init__.py', '')]:
    os.makedirs(os.path.dirname(os.path.join(root, rel)), exist_ok=True)
    with open(os.path.join(root, rel), 'w') as f:
        f.write(text)
sys.path.insert(0, root)
import importlib.resources
files = importlib.resources.files('res_pkg')
print(files.joinpath('data', 'hello.txt').read_text(), end='')
print(sorted(p.name for p in files.iterdir() if p.name != '__pycache__'))
print(importlib.resources.files('res_pkg').joinpath('data/hello.txt').is_file())
import pkgutil, res_pkg
print(sorted((m.name, m.ispkg) for m in pkgutil.iter_modules(res_pkg.__path__)))
print(sorted(m.name for m in pkgutil.iter_modules([root])))

# importlib.metadata on a dist-info in a temporary directory.
site = tempfile.mkdtemp()
info = os.path.join(site, 'tinydist-1.2.3.dist-info')
os.makedirs(info)
with open(os.path.join(info, 'METADATA'), 'w') as f:
    f.write('Metadata-Version: 2.1\nName: tinydist\nVersion: 1.2.3\nSummary: a tiny distribution\n'
            'Requires-Dist: other (>=1.0)\n')
with open(os.path.join(info, 'entry_points.txt'), 'w') as f:
    f.write('[console_scripts]\ntiny = tinydist.cli:main\n')
sys.path.insert(0, site)
import importlib.metadata as md
print(md.version('tinydist'), md.metadata('tinydist')['Summary'], md.requires('tinydist'))
print([(e.name, e.value) for e in md.entry_points(group='console_scripts') if e.name == 'tiny'])
dist = md.distribution('tinydist')
print(dist.metadata['Name'], dist.version)

# A legacy finder (find_module/load_module only, deprecated in 3.11 but still consulted).
import types, warnings
warnings.simplefilter('ignore', ImportWarning)
class LegacyFinder:
    def find_module(self, fullname, path=None):
        return self if fullname == 'legacy_mod' else None
    def load_module(self, fullname):
        module = types.ModuleType(fullname)
        module.ANSWER = 42
        sys.modules[fullname] = module
        return module
legacy = LegacyFinder()
sys.meta_path.insert(0, legacy)
import legacy_mod
print(legacy_mod.ANSWER, legacy_mod.__loader__ is legacy, repr(legacy_mod.__package__), legacy_mod.__spec__.name)
sys.meta_path.remove(legacy)
with warnings.catch_warnings():
    warnings.simplefilter('ignore', DeprecationWarning)
    print(type(importlib.find_loader('res_pkg')).__name__, importlib.find_loader('no_such_module_here'))
print(importlib._pack_uint32(258), importlib._unpack_uint32(b'\x02\x01\x00\x00'), importlib._bootstrap.__name__)

# spec_from_file_location on a package's __init__: its directory is the search location.
spec = importlib.util.spec_from_file_location('res_pkg_copy', os.path.join(root, 'res_pkg', '__init__.py'))
print(spec.parent, [os.path.relpath(p, root) for p in spec.submodule_search_locations])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
print(module.__name__, os.path.relpath(module.__path__[0], root))

# zipimport imports _frozen_importlib and _frozen_importlib_external; importlib.abc registers the loaders of
# imported modules with its ABCs.
import zipimport, json
print(zipimport.zipimporter.__name__, isinstance(json.__loader__, importlib.abc.SourceLoader),
      isinstance(json.__loader__, importlib.abc.Loader), issubclass(importlib.machinery.PathFinder, importlib.abc.MetaPathFinder))
