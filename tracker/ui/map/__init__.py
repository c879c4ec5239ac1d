"""The Map tab: events and venues on an offline base map."""
