# coding: utf8
# A BOM with a cookie that does not normalise to exactly utf-8: CPython refuses the file.
print("never runs")
