"""gettext catalogues: one folder per language, one ``.po`` file per area of the product."""
