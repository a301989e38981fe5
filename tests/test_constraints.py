"""flyteidl2's ``buf.validate`` constraints, checked when a ``flytemodels.v2`` model is constructed.

The rules used here were read off flyteidl2 2.0.53's descriptors: ``RunIdentifier``'s
four strings have ``min_len: 1`` and ``max_len`` 63 or 30, ``ActionIdentifier.run``
is ``required``, ``QueueIdentifier`` carries a message-level CEL rule ("project
requires domain to be specified"), ``Recover.force_rerun_actions`` items have
``min_len: 1`` and ``WebhookDeliveryTemplate.headers`` keys ``min_len: 1``.
The last test holds the constructor to protovalidate's verdict on random
messages of every flyteidl2 type that declares a rule.
"""

from __future__ import annotations

import random
from typing import Any

import protovalidate
import pytest
from flytemodels.v2.common.identifier import ActionIdentifier, ProjectIdentifier, QueueIdentifier, RunIdentifier
from flytemodels.v2.notification.definition import WebhookDeliveryTemplate
from flytemodels.v2.task.run import Recover

from flytemodels._runtime import Message, constraints
from tests import support
from tests.support import catalog, filler

RUN = {"org": "o", "project": "p", "domain": "d", "name": "n"}


def test_a_broken_rule_names_the_field_and_the_rule() -> None:
    with pytest.raises(ValueError) as raised:
        ProjectIdentifier()
    message = "ProjectIdentifier.organization: string.min_len: must be at least 1 characters (and 2 more violations)"
    assert str(raised.value) == message
    with pytest.raises(ValueError, match=r"^RunIdentifier\.name: string\.max_len: must be at most 30 characters$"):
        RunIdentifier(**{**RUN, "name": "x" * 31})
    assert RunIdentifier(**RUN).to_flyte_idl().name == "n"


def test_required_nested_message_and_message_rules() -> None:
    with pytest.raises(ValueError, match=r"^ActionIdentifier\.run: required: value is required$"):
        ActionIdentifier(name="a")
    with constraints.unchecked():
        broken = RunIdentifier(org="o")
    with pytest.raises(ValueError, match=r"^ActionIdentifier\.run\.project: string\.min_len: "):
        ActionIdentifier(run=broken, name="a")
    assert ActionIdentifier(run=RunIdentifier(**RUN), name="a").run == RunIdentifier(**RUN)
    with pytest.raises(ValueError, match=r"^QueueIdentifier: queue_identifier\.domain_project_combination: project "):
        QueueIdentifier(organization="o", project="p", name="q")


def test_repeated_items_and_map_keys_are_named_with_their_subscript() -> None:
    with pytest.raises(ValueError, match=r"^Recover\.force_rerun_actions\[1\]: string\.min_len: "):
        Recover(force_rerun_actions=["a", ""])
    with pytest.raises(ValueError, match=r"^WebhookDeliveryTemplate\.headers\[''\] \(the key\): string\.min_len: "):
        WebhookDeliveryTemplate(url="https://x", method=1, headers={"": "v"})
    with pytest.raises(ValueError, match=r"^WebhookDeliveryTemplate\.headers\['k'\]: string\.min_len: "):
        WebhookDeliveryTemplate(url="https://x", method=1, headers={"k": ""})


def test_map_entries_are_reported_in_key_order() -> None:
    """protovalidate meets map entries in hash order; the error names the smallest key whatever that order."""
    headers = {f"h{n:02}": "" for n in range(20, 0, -1)}
    with pytest.raises(ValueError) as raised:
        WebhookDeliveryTemplate(url="https://x", method=1, headers=headers)
    message = "WebhookDeliveryTemplate.headers['h01']: string.min_len: must be at least 1 characters"
    assert str(raised.value) == message + " (and 19 more violations)"


def test_the_first_violation_otherwise_keeps_protovalidates_order() -> None:
    """A map-level rule protovalidate reports before the entries' stays first; so does a key before its value."""
    headers = {f"h{n:02}": "" for n in range(21, 0, -1)}
    with pytest.raises(ValueError, match=r"^WebhookDeliveryTemplate\.headers: map\.max_pairs: "):
        WebhookDeliveryTemplate(url="https://x", method=1, headers=headers)
    with pytest.raises(ValueError, match=r"^WebhookDeliveryTemplate\.headers\[''\] \(the key\): string\.min_len: "):
        WebhookDeliveryTemplate(url="https://x", method=1, headers={"b": "", "": "", "a": ""})


def test_only_the_constructor_checks() -> None:
    """A model takes what it is given from the wire, a dict, text or a message: losslessly, unchecked."""
    with constraints.unchecked():
        empty = ProjectIdentifier()
    pb = empty.to_flyte_idl()
    assert ProjectIdentifier.from_flyte_idl(pb) == ProjectIdentifier.wrap(pb) == empty
    assert ProjectIdentifier.from_bytes(b"") == ProjectIdentifier.from_dict({}) == ProjectIdentifier.from_text("")
    assert eval(repr(empty), {"ProjectIdentifier": ProjectIdentifier}) == empty  # repr is from_text('') here
    with pytest.raises(ValueError):
        ProjectIdentifier()  # checking is back on after the block


def test_flyteidl_declares_no_rules() -> None:
    assert not any(constraints.declares_rules(case.descriptor) for case in catalog.FLYTEIDL.messages())


CONSTRAINED = [case for case in catalog.FLYTEIDL2.messages() if constraints.declares_rules(case.descriptor)]


def test_most_flyteidl2_messages_hold_rules() -> None:
    assert len(CONSTRAINED) == 368


@pytest.mark.parametrize("case", CONSTRAINED, ids=[case.full_name for case in CONSTRAINED])
def test_the_constructor_agrees_with_protovalidate(case: catalog.MessageCase) -> None:
    """Rebuilt from its own values, a random message constructs iff protovalidate finds it valid."""
    for seed in range(4):
        pb = filler.fill(case.pb_class, random.Random(f"{case.full_name}/rules/{seed}"), filler.Options().plain())
        arguments = _arguments(case.model.from_flyte_idl(pb))
        with constraints.unchecked():
            built = case.model(**arguments).to_flyte_idl()
        verdict = _verdict(built)
        if verdict is None:
            assert case.model(**arguments).to_flyte_idl() == built
            support.tally["constraint checks: valid"] += 1
        else:
            with pytest.raises(ValueError) as raised:
                case.model(**arguments)
            assert str(raised.value) == constraints.describe(case.descriptor, verdict)
            support.tally["constraint checks: refused"] += 1


def _arguments(model: Message) -> dict[str, Any]:
    properties = {
        name for klass in type(model).__mro__ for name, item in vars(klass).items() if isinstance(item, property)
    }
    names = [field if field in properties else field + "_" for field in model._FIELDS]
    return {name: getattr(model, name) for name in names}


def _verdict(pb: Any) -> list[Any] | None:
    """protovalidate's violations, or None when there are none (or it cannot evaluate a rule)."""
    try:
        protovalidate.validate(pb)
    except protovalidate.ValidationError as error:
        return list(error.violations)
    except (protovalidate.EvaluationError, protovalidate.CompilationError):
        return None
    return None
