"""The API reference site: page sources written at build time, then built by MkDocs.

``python -m apidocs`` (``make docs``) cuts README.md into guide pages, writes one
API page per package of ``generated/flytemodels`` (and one for the hand-written
base classes), each a list of mkdocstrings ``:::`` directives, and builds the
site with mkdocs-material. Nothing it writes is committed, so a regenerated tree
gets its pages on the next build.
"""
