"""Code that must NOT type-check: mypy --strict must report each line marked with an E comment.

tests/test_typing.py runs mypy on this file and compares the reported lines with
the marked ones, so the generated annotations are proved to reject wrong code.
"""

import datetime

from flytemodels.admin.execution import Execution, ExecutionSpec
from flytemodels.core.identifier import Identifier, ResourceType
from flytemodels.core.literals import Literal, LiteralMap, Primitive, Scalar

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

# Correct uses: these lines must stay free of errors.
ok_map = LiteralMap(literals={"a": Literal(scalar=Scalar(primitive=Primitive(integer=1)))})
ok_values: dict[str, Literal] = ok_map.literals
ok_when: datetime.timedelta | None = Primitive(duration=datetime.timedelta(seconds=1)).duration
ok_kind: ResourceType = Identifier(resource_type=1).resource_type
