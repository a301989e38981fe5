"""Fuzzing ``from_bytes`` for every flyteidl model (``make fuzz``; a short run is in the pytest suite).

``target`` is the engine-independent check one input goes through; ``__main__``
drives it with atheris when the ``fuzz`` extra is installed, else with Hypothesis.
"""
