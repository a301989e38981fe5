"""The upgrade tools: recorded state, the diff between two IDL releases, and the override check."""
