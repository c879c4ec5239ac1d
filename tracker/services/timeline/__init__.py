"""The timeline: talks and battlefield events on one zoomable time axis."""
