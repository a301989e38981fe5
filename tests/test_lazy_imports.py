"""Importing a model module loads nothing of protobuf's pool: its pb2 modules come with the first use.

Each check runs in a fresh interpreter, where nothing has imported a pb2 module yet.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest


def run_fresh(code: str) -> None:
    """Run ``code`` in a new interpreter; its assertion, if one fails, is the test's failure."""
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


PB2_LOADED = "sorted(m for m in sys.modules if m.endswith('_pb2') or m.startswith('google.protobuf.descriptor_pool'))"


@pytest.mark.parametrize(
    "modules",
    [
        ["flytemodels.admin.execution", "flytemodels.core.literals", "flytemodels.core.workflow"],
        ["flytemodels.flytekit.execution", "flytemodels.flytekit.literals", "flytemodels.flytekit.core.workflow"],
    ],
    ids=["idl", "flytekit"],
)
def test_importing_model_modules_imports_no_pb2_module(modules: list[str]) -> None:
    run_fresh(f"""
        import sys
        for name in {modules!r}:
            __import__(name)
        assert {PB2_LOADED} == [], {PB2_LOADED}
    """)


def test_a_model_built_in_a_fresh_interpreter_converts_and_binds_protobufs_own_names() -> None:
    run_fresh("""
        import sys
        from flytemodels.core import literals
        literal = literals.Literal(scalar=literals.Scalar(primitive=literals.Primitive(integer=3)))
        pb = literal.to_flyte_idl()
        from flyteidl.core import literals_pb2
        assert type(pb) is literals_pb2.Literal and pb.scalar.primitive.integer == 3
        # Once used, the module's global and the class's _PB are protobuf's own, looked up as before.
        assert literals._pb2 is literals_pb2
        declaring = next(klass for klass in literals.Literal.__mro__ if "_PB" in klass.__dict__)  # LiteralBase
        assert declaring.__dict__["_PB"] is declaring.__dict__["_IDL_PB"] is literals_pb2.Literal
        assert literals.Literal.from_flyte_idl(pb) == literal
    """)


def test_a_model_read_from_a_message_of_a_module_not_yet_used_converts() -> None:
    run_fresh("""
        from flyteidl.core import identifier_pb2
        from flytemodels.core import identifier
        pb = identifier_pb2.Identifier(resource_type=identifier_pb2.TASK, project="p", name="n")
        model = identifier.Identifier.from_flyte_idl(pb)
        assert model.project == "p" and model.resource_type is identifier.ResourceType.TASK
        assert identifier.Identifier(project="p", name="n", resource_type=1) == model
        assert model.to_flyte_idl() == pb
    """)


def test_a_subclass_of_a_generated_class_reads_its_message_class() -> None:
    run_fresh("""
        from flytemodels.core import identifier
        class Mine(identifier.Identifier):
            __slots__ = ()
        from flyteidl.core import identifier_pb2
        assert Mine._PB is identifier_pb2.Identifier  # read through the subclass first
        assert identifier.Identifier.__dict__["_PB"] is identifier_pb2.Identifier  # bound where it was declared
        assert "_PB" not in Mine.__dict__
        assert Mine(project="p").to_flyte_idl() == identifier_pb2.Identifier(project="p")
    """)


def test_names_a_family_module_re_exports_on_first_use_are_there_when_asked_for() -> None:
    run_fresh(f"""
        import sys
        from flytemodels.flytekit import task
        assert "BoolValue" in dir(task) and "Documentation" in dir(task)
        assert {PB2_LOADED} == [] and "flytemodels.flytekit.documentation" not in sys.modules
        from flytemodels.flytekit.task import BoolValue, Documentation
        from google.protobuf.wrappers_pb2 import BoolValue as protobufs
        from flytemodels.flytekit.documentation import Documentation as documentations
        assert BoolValue is protobufs and Documentation is documentations
        assert vars(task)["BoolValue"] is protobufs  # bound once found: later reads are plain
        try:
            task.NoSuchName
        except AttributeError as error:
            assert str(error) == "module 'flytemodels.flytekit.task' has no attribute 'NoSuchName'", error
        else:
            raise AssertionError("no AttributeError")
    """)
