# The tour package: its own cache appears as tour/__pycache__/__init__.<tag>.pyc.
VERSION = "1.0"
