import re

re.compile("[a-z")
