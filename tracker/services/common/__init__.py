"""Pieces every feature shares."""
