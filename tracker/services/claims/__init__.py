"""Casualty and damage claims: reading them, the operations on them, the figure rule."""
