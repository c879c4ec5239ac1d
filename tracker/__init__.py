"""Negotiation Tracker: peace-talk schedules tied to battlefield events."""

__version__ = "0.1.0"
