"""Whether a field tracks presence: explicit, implicit or required, as protobuf decides it.

Presence decides a singular field's Python API: with it (explicit or
required) the generated property is typed ``T | None`` and reads None while the
field is unset; without it (implicit) it is typed ``T`` and reads the type's
default. A required field (proto2 ``required``, editions' ``LEGACY_REQUIRED``)
has presence and, besides, a constructor refuses to leave it unset.

The descriptors protoc writes keep the source's spelling, so the fact is
resolved here as protobuf resolves it when it loads a file (``has_presence``,
``is_required``):

- a repeated field or a map has no presence (None);
- proto2 ``required``, or a field's ``features.field_presence =
  LEGACY_REQUIRED`` (a file cannot default to it), is required;
- an extension, a message field (a group too), a oneof member and a proto3
  ``optional`` field have explicit presence, whatever the features say (protoc
  refuses ``field_presence`` on the first three, and an editions file's
  ``IMPLICIT`` does not reach them);
- any other proto2 field has explicit presence, any other proto3 field
  implicit presence;
- any other editions field takes its own ``field_presence``, else its file's,
  else the edition's default, explicit (2023 and 2024).

On the wire, presence changes nothing about how a set value is written, with
one exception: implicit presence does not write a zero (the type's default),
so a reader with presence reads a zero from such a writer as unset. A required
field is different: a peer that requires it (protobuf's C++ and Java parsers;
Python refuses to serialize without it) rejects a message that lacks it.
"""

from __future__ import annotations

from google.protobuf.descriptor_pb2 import FeatureSet, FieldDescriptorProto, FileDescriptorProto

_T = FieldDescriptorProto

EXPLICIT = "explicit"
IMPLICIT = "implicit"
REQUIRED = "required"
#: What a record may say (None: the field has no presence, being repeated or a map).
WORDS = frozenset({EXPLICIT, IMPLICIT, REQUIRED, None})
#: The presences whose property is typed ``T | None`` and reads None while unset.
TRACKED = frozenset({EXPLICIT, REQUIRED})


def presence(f: FieldDescriptorProto, file: FileDescriptorProto, *, extension: bool = False) -> str | None:
    """``explicit``, ``implicit`` or ``required`` for a singular field or extension; None for a repeated one."""
    if f.label == _T.LABEL_REPEATED:
        return None
    features = f.options.features
    legacy_required = features.HasField("field_presence") and features.field_presence == FeatureSet.LEGACY_REQUIRED
    if f.label == _T.LABEL_REQUIRED or (file.syntax == "editions" and legacy_required):
        return REQUIRED
    if extension or f.type in (_T.TYPE_MESSAGE, _T.TYPE_GROUP) or f.HasField("oneof_index") or f.proto3_optional:
        return EXPLICIT  # (proto3 ``optional`` puts its field in a synthetic oneof: ``oneof_index`` finds it too)
    if file.syntax == "proto3":
        return IMPLICIT
    if file.syntax != "editions":
        return EXPLICIT  # proto2 (``syntax`` empty or "proto2")
    for options in (f.options, file.options):
        if options.features.HasField("field_presence"):
            return IMPLICIT if options.features.field_presence == FeatureSet.IMPLICIT else EXPLICIT
    return EXPLICIT  # editions 2023 and 2024 default to EXPLICIT


def default(wire: str, label: str, oneof: str | None) -> str | None:
    """The presence a field has unless its record says otherwise (what a record of format 3 leaves out).

    What the rest of the record suggests: none for a repeated field or a map,
    explicit for a message field, a oneof member or a field labelled
    ``optional`` (proto2's and proto3's), implicit for any other. So a record
    writes ``presence`` only for an editions field with explicit presence
    (labelled ``single``, as the .proto spells it) and for a required one.
    """
    if label in ("repeated", "map"):
        return None
    if label == "optional" or oneof is not None or wire in ("message", "group"):
        return EXPLICIT
    return IMPLICIT


# -- what a change of presence breaks --------------------------------------------------------------

#: Why adding, removing, or making a field required or not breaks the wire.
REJECTED = "a peer that requires it rejects a message without it"


def breaks_api(before: str, after: str) -> bool:
    """The property's type gains or loses None, or a constructor starts refusing to leave the field unset.

    A field that only ceases to be required keeps its API: its property was
    typed ``T | None`` already, and a constructor accepts what it accepted.
    """
    return (before in TRACKED) != (after in TRACKED) or after == REQUIRED


def breaks_wire(before: str, after: str) -> bool:
    """Only a change to or from required: a set value is written alike whatever the presence."""
    return REQUIRED in (before, after)


def effects(before: str, after: str) -> list[str]:
    """What a change of presence does, for a report: to the property, to constructors, on the wire."""
    done = []
    if (before in TRACKED) != (after in TRACKED):
        done.append("now reads None while unset" if after in TRACKED else "now reads its default while unset")
    if after == REQUIRED:
        done.append("a constructor refuses to leave it unset")
    elif before == REQUIRED:
        done.append("a constructor may leave it unset")
    if breaks_wire(before, after):
        done.append(REJECTED)
    elif IMPLICIT in (before, after):
        done.append("wire: implicit presence does not write a zero, which a reader with presence sees as unset")
    return done
