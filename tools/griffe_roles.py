"""A Griffe extension for the docs site: Sphinx roles in docstrings shown as plain code.

The facade's docstrings name other objects the Sphinx way (``:class:`PlacedOrder```,
``:data:`~orderbridge._errors.Origin```), which reads well in ``help()`` but shows the role
literally in the Google-style rendering of mkdocstrings. This turns each role into a code span
of the object's short name (``PlacedOrder``, ``Origin``) when the site is built; the source
docstrings are unchanged. Loaded by mkdocs.yml (``extensions: [tools/griffe_roles.py]``).
"""

from __future__ import annotations

import re
from typing import Any

import griffe

ROLE = re.compile(r":(?:py:)?(?:class|func|meth|attr|data|exc|mod|obj|const):`~?(?:[\w.]+\.)?(?P<name>[^`.]+)`")


def plain(text: str) -> str:
    """``text`` with every Sphinx cross-reference role replaced by a code span of the short name."""
    return ROLE.sub(lambda match: f"`{match['name']}`", text)


class SphinxRolesAsCode(griffe.Extension):
    """Rewrite each docstring once, as its object is created."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = plain(obj.docstring.value)
