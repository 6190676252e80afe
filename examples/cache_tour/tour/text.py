# Text formatting for the cache tour.
WIDTH = 32


def banner(title):
    return ("= " + title + " =").center(WIDTH, "=")


def row(label, area, diagonal):
    return f"{label:<8}{area:>8}{diagonal:>12.3f}"
