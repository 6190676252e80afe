# Rectangle arithmetic for the cache tour.
def area(w, h):
    return w * h


def diagonal(w, h):
    return (w * w + h * h) ** 0.5


def total_area(rects):
    total = 0
    for w, h in rects:
        total += area(w, h)
    return total
