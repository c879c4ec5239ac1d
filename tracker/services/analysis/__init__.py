"""The analysis: battlefield events before, during and after rounds."""
