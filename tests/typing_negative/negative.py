"""Code that must NOT type-check: mypy --strict must report each line marked with an E comment.

tests/test_typing.py runs mypy on this file and compares the reported lines with
the marked ones, so the generated annotations are proved to reject wrong code.
"""

import datetime

from flyteidl.core import identifier_pb2, literals_pb2

from flytemodels.admin.execution import Execution, ExecutionSpec
from flytemodels.admin.launch_plan import LaunchPlan
from flytemodels.core.identifier import Identifier, ResourceType
from flytemodels.core.interface import TypedInterface, Variable, VariableMap
from flytemodels.core.literals import KeyValuePair, Literal, LiteralMap, Primitive, Scalar, Union
from flytemodels.core.tasks import Container

Identifier(project=3)  # E: a str field refuses an int
Identifier(resource_type="TASK")  # E: an enum field refuses a str
Primitive(datetime="2024-01-01")  # E: a Timestamp field wants a datetime
Primitive(duration=5)  # E: a Duration field wants a timedelta
Literal(scalar=Primitive(integer=1))  # E: a nested model of the wrong class
LiteralMap(literals=[Literal()])  # E: a map refuses a list
LiteralMap(literals={1: Literal()})  # E: map keys are str
Execution(spec=ExecutionSpec(), closure=3)  # E: wrong message field type

identifier = Identifier(ResourceType.TASK, "p", "d", "n", "v")
count: int = identifier.project  # E: a str property is not an int
when: datetime.date = Primitive().duration  # E: Duration reads as timedelta | None
name: str = Execution().spec  # E: a message property is the model class | None
scalar: Scalar = Literal().scalar  # E: unset message fields are Optional
identifier.project = "other"  # E: properties are read-only
items: list[int] = LiteralMap().literals  # E: a map property is a dict
Identifier.from_flyte_idl(identifier).missing  # E: no such attribute

# The boundary with protobuf is typed: each class takes and gives its own message (unmarked lines must pass).
message: identifier_pb2.Identifier = identifier.to_flyte_idl()
again: Identifier = Identifier.from_flyte_idl(message)
wrapped: Identifier = Identifier.wrap(message)
Identifier.from_flyte_idl(b"bytes")  # E: from_flyte_idl takes the message, not its bytes
Identifier.from_flyte_idl(literals_pb2.Literal())  # E: a message of another type
other: literals_pb2.Literal = identifier.to_flyte_idl()  # E: to_flyte_idl gives an Identifier message
Literal.from_flyte_idl(literals_pb2.Literal()).value  # the overridden class keeps its own type

# flytekit's shapes are flytemodels.flytekit's; the IDL family refuses them.
TypedInterface(inputs={"x": Variable()})  # E: inputs is a VariableMap, not a dict
Container(env={"K": "v"})  # E: env is repeated KeyValuePair, not a dict
env: dict[str, str] = Container().env  # E: env reads as a list of KeyValuePair
Union(stored_type=None)  # E: the IDL calls it type
LaunchPlan(auto_activate=True)  # E: no arguments beyond the fields
Literal().hash = "h"  # E: no setters, hash included

# Correct uses: these lines must stay free of errors.
ok_map = LiteralMap(literals={"a": Literal(scalar=Scalar(primitive=Primitive(integer=1)))})
ok_values: dict[str, Literal] = ok_map.literals
ok_when: datetime.timedelta | None = Primitive(duration=datetime.timedelta(seconds=1)).duration
ok_kind: ResourceType = Identifier(resource_type=1).resource_type
ok_inputs: VariableMap | None = TypedInterface(inputs=VariableMap(variables={"x": Variable()})).inputs
ok_env: list[KeyValuePair] = Container(env=[KeyValuePair(key="K", value="v")]).env
