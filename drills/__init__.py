"""Shipped drills: one YAML file per drill, named after the drill (see game/drills/models.py)."""
