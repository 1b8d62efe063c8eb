"""The window's scenes, one per file: menu, picker, briefing, call, scorecard, progress, settings, drills."""
