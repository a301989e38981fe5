"""Hand-written overrides of generated classes.

``_overrides/core/literals.py`` overrides classes of ``flytemodels.core.literals``:
each public class there subclasses ``<Message>Base`` and the generated module
re-exports it under the message's own name, so it is the class at the public
path and the one every conversion returns. Import the public modules, never these.

An override only adds: the constructor, the properties and everything else the
generated class has stay as they are (the IDL's order, names and types; no
setters). Today the additions are one property per oneof, named as the oneof,
that returns whichever member is set (``Literal.value``).
"""
