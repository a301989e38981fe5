"""Where ``flytemodels.flytekit`` differs from ``flytekit.models``, each with its reason.

The only deviations allowed are where flytekit loses or corrupts data (or
crashes) and ours keeps it whole. ``roundtrip`` lists what flytekit's
``from_flyte_idl(pb).to_flyte_idl()`` loses, field by field; here are the
rest: ``API`` (names whose constructor or attributes differ, keyed
``module.QualName`` as in the table), ``VALUES`` (properties whose values
differ, ``module.Class.property``), ``CRASHES`` (constructor arguments flytekit
accepts and then cannot serialize), ``FROM_IDL_NONE`` (messages flytekit reads
as ``None``), ``GENERAL`` (what applies to every class).

``PENDING`` lists known bugs of ours, not deviations: each is a strict xfail of
the check named by its key, ``"<check> <module.QualName>"``; fixing the bug
makes the xfail pass, which fails the suite until its entry is removed.
"""

from __future__ import annotations

API: dict[str, str] = {}

VALUES: dict[str, str] = {
    "documentation.Documentation.source_code": (
        "a `source_code` present but without a `link` reads as `SourceCode(link='')`; flytekit's reads None (its "
        "`SourceCode.from_flyte_idl` answers None for it, below) and its round trip drops the field"
    ),
    "types.OutputReference.attr_path": (
        "a step whose key is the empty string reads as `''`; flytekit reads each step as "
        "`string_value or int_value`, so an empty key becomes the index `0` (and its round trip writes "
        "`int_value: 0`)"
    ),
    "matchable_resource.MatchableResource.enum_to_string": (
        "names `PLUGIN_OVERRIDE` (5), a constant flytekit's class has but its `enum_to_string` table misses "
        "(it answers `<UNKNOWN>` for a valid value)"
    ),
    "matchable_resource.MatchableResource.string_to_enum": (
        "knows `QUALITY_OF_SERVICE_SPECIFICATION` and `PLUGIN_OVERRIDE` (4 and 5), which flytekit's "
        "`string_to_enum` misses (it answers the string `<UNKNOWN>` for a valid name)"
    ),
}

CRASHES: dict[str, str] = {
    "security.OAuth2TokenRequest": (
        "its default `type_=OAuth2TokenRequest.Type.CLIENT_CREDENTIALS` is an `enum.Enum` member, which its "
        "`to_flyte_idl` hands to the protobuf int field (TypeError); ours writes the member's value"
    ),
    "workflow_closure.WorkflowClosure": (
        "its `to_flyte_idl` iterates `tasks`, whose default is None (TypeError); ours writes no tasks"
    ),
    "filters.SetFilter": (
        "its `to_flyte_idl` joins the values with `str.join` (TypeError for `ValueIn('a', [1, 2])`); ours writes "
        "`value_in(a,1;2)`"
    ),
    "filters.Filter.from_flyte_idl": (
        "`Filter.from_flyte_idl` and `FilterList.from_flyte_idl` take no argument in flytekit (TypeError when "
        "given the string); ours parse the string as `from_python_std` does"
    ),
    "array_job.ArrayJob": (
        "its `to_dict` (and `to_flyte_idl`) raises without `min_successes` or `min_success_ratio`; ours writes "
        "the fields that are set"
    ),
}

FROM_IDL_NONE: dict[str, str] = {
    "documentation.SourceCode": (
        "flytekit's `SourceCode.from_flyte_idl` returns None for a message without a `link`; ours returns a "
        "`SourceCode` of the message"
    ),
}

PENDING: dict[str, str] = {}

GENERAL: tuple[tuple[str, str], ...] = (
    (
        "Extra keyword-only arguments",
        "IDL fields a flytekit class lacks (`org`, `template`, `ports`, ...) are keyword-only arguments after "
        "flytekit's, defaulting to None, and properties of the same name: nothing is dropped. They are listed per "
        "class below; every other parameter has flytekit's name, position, kind and default.",
    ),
    (
        "Presence",
        "flytekit decides presence by truthiness when it serializes: read from a message, it writes empty "
        "sub-messages and default values where the message had none (`TaskMetadata.generates_deck: false`, an "
        'empty `ExecutionSpec.auth_role`), and leaves out empty values the message had (`Operand.var: ""`). A '
        "model of ours read from a message gives that message back as it was. Built by the constructor, ours "
        "writes what flytekit writes, except a scalar with presence (a oneof member) given its default value, "
        "which is written as given. The differential test therefore counts a singular field holding its default "
        "value as unset when comparing round trips.",
    ),
    (
        "Nanoseconds",
        "Properties hold `datetime`/`timedelta` values as flytekit's do (microseconds, naive or aware as "
        "flytekit's); the message read keeps the nanoseconds unless the property is assigned.",
    ),
    (
        "`is_empty`",
        "`is_empty` is a function of the message (`to_flyte_idl()` serializes to nothing): it equals flytekit's "
        "wherever flytekit's round trip keeps the message.",
    ),
)
