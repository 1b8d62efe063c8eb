"""Fonts shipped with the game window."""
