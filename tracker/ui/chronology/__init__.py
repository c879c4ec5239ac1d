"""The chronology: everything in one time order."""
