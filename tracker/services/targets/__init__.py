"""Target categories: the rules' suggestions, applied in bulk, and the analyst's review."""
