"""Outside factors: readings, dependencies and their impact."""
