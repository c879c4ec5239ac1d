"""Importing dataset files."""
