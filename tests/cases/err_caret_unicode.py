# Columns count code points, not bytes: the markers still line up after non-ASCII text.
prices = {"café": 3, "thé": 2}
total = prices["café"] + prices["crème"]
