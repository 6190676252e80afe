# An exception raised in a finally block while another propagates: both shown, linked by context.
def close_resource(name):
    raise RuntimeError(f"cannot close {name}")


def use_resource():
    try:
        [][0]
    finally:
        close_resource("file")


use_resource()
