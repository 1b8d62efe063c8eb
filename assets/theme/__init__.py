"""Theme shipped with the game window."""
