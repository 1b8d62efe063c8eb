"""Tools for scenario authors: the editor schema, starter files, self-tests and the authors' guide."""
