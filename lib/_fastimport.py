"""Keep an unused optional import out of the runner's start-up time.

nbformat validates notebooks with jsonschema; jsonschema, when the optional
``rfc3987_syntax`` package is installed (JupyterLab's dependencies bring it),
builds a parser for IRI strings when it is imported: 0.9 s of the runner's
start-up on our 2-core machine (``python -X importtime``). Notebook schemas
never use the IRI formats that parser checks, so we mark the module as absent
before nbformat is imported; jsonschema then skips those two format checks
(``iri``, ``iri-reference``), exactly as it does when the package is not
installed. A process that has already imported it keeps it.
"""

from __future__ import annotations

import sys

sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
