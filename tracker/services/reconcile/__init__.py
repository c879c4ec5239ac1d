"""One event told by several datasets: finding candidate pairs, deciding them, reading them."""
