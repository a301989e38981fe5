"""Hand-written flytekit-family code, one module per family module: what a table cannot say."""
