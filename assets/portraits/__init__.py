"""Portraits: drawn styles (styles.json) and optional images, NAME.png or NAME-EXPRESSION.png."""
