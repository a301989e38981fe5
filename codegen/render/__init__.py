"""Stage 3, render and write: the model → Python source through Jinja, formatted by black, written atomically."""
