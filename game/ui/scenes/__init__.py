"""The window's scenes, one per file; ``game.ui.all_scenes`` imports them so each registers its opener."""
