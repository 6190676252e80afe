class ConfigError(Exception):
    """Raised for bad configuration."""


def load(name):
    if not name:
        raise ConfigError("empty name")
    return name


class Loader:
    def run(self):
        return load("")


print(load("ok"))
Loader().run()
