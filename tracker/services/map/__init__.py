"""The map of events and venues: projection, base map, per-cell counts, points, rings."""
