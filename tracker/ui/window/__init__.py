"""The main window, its actions and the file menu's database work."""
