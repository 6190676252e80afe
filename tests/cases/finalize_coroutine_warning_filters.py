# The "coroutine ... was never awaited" RuntimeWarning goes through the warnings module
# (warnings._warn_unawaited_coroutine): filters ignore it, record it, or turn it into an error that is reported as
# unraisable from the coroutine's finalization.
import gc
import sys
import warnings

async def f(): pass
async def g(): pass

def hook(u):
    print('unraisable:', u.exc_type.__name__, u.exc_value, type(u.object).__name__, u.object.__qualname__)
sys.unraisablehook = hook
sys.stderr = sys.stdout  # the shown warning in order with the prints

warnings.simplefilter('ignore'); c = f(); del c; gc.collect()
print('ignored')
warnings.simplefilter('error'); c = f(); del c; gc.collect()
print('after the error')
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always'); c = f(); del c; gc.collect()
print([(str(w.message), w.category.__name__, w.lineno, type(w.source).__name__) for w in caught])
warnings.resetwarnings()
warnings.filterwarnings('ignore', message="coroutine 'f'")
c = f(); del c; gc.collect()
print('f filtered by message')
c = g(); del c; gc.collect()
print('end')
# The warnings module asks tracemalloc, which is importable and not tracing.
import tracemalloc
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory(), tracemalloc.get_object_traceback(object()),
      tracemalloc.get_traceback_limit(), tracemalloc._get_traces())
