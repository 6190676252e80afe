# atexit: callbacks run after the program, last registered first, with their arguments; unregister drops
# every registration; an exception in one is reported and the others still run.
import atexit

def show(*args, **kwargs):
    print('show', args, sorted(kwargs.items()))

class Failing:
    def __call__(self):
        raise ValueError('in callback')
    def __repr__(self):
        return 'Failing()'

fails = Failing()

atexit.register(show, 1, key='a')
print(atexit.register(fails) is fails)
atexit.register(show, 2)
atexit.register(print, 'dropped')
atexit.unregister(print)
print('main done')
