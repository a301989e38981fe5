"""flytekit's own unit-test suite, run on flytekit as shipped and on flytemodels: ``make flytekit-tests``.

``python -m tests.flytekit_suite --tests ../shared/flytekit-tests`` runs the suite twice (the second
time with ``flytekit.models`` resolved to ``flytemodels.flytekit`` by ``plugin/flytekit_suite_plugin.py``)
and reports every test that passes on flytekit and not on flytemodels.
"""
