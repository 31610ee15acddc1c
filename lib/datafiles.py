"""The editable data files (lexicons, lists) that ship in ``lib/data/`` or that a user passes instead.

One rule for every file given in place of a shipped one (:func:`require_keys`): it names each key the
shipped file has, since a key left out would read as an empty list and change the results in silence
(a leak list without ``issue_terms`` moves the seed's leak-free VADER score from 0.62 to 0.22);
a key written with nothing after it (``genre_neutral:``) or as an empty list says "none" on purpose.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import BadInputError

__all__ = ["load_yaml", "read_yaml_mapping", "require_keys", "word_list"]

#: PyYAML's safe loader in C (libyaml, in PyYAML's wheels) where it is built, else the same loader in
#: Python: the same documents read the same way, ten times faster (the shipped lexicons: 0.6 s → 0.06 s).
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """The YAML document in ``text`` read with the safe loader (plain data only; raises ``yaml.YAMLError``)."""
    return yaml.load(text, Loader=_SAFE_LOADER)  # noqa: S506  (a safe loader)


def read_yaml_mapping(path: str | Path | None, shipped: str, what: str) -> tuple[dict[str, Any], str]:
    """The YAML mapping in the user's file at ``path``, or in the shipped ``data/<shipped>`` when
    ``path`` is empty; with the label to name it by. Errors name the file and ``what`` it is."""
    if path:
        file, label = Path(path), str(path)
        if not file.is_file():
            raise BadInputError(label, f"{what} not found")
    else:
        file, label = Path(str(resources.files("readout").joinpath(f"data/{shipped}"))), f"data/{shipped}"
    try:
        data = load_yaml(file.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise BadInputError(label, f"{what} cannot be read ({exc.__class__.__name__})") from None
    if not isinstance(data, dict):
        raise BadInputError(label, f"{what} must be a YAML mapping (see data/{shipped})")
    return data, label


def word_list(data: dict[str, Any], key: str, label: str, what: str) -> frozenset[str]:
    """The lower-cased words listed under ``key`` (none if absent); raises
    :class:`~readout.errors.BadInputError` for a key that is no list or an entry that is no text
    (YAML reads an unquoted ``no`` as false: write ``"no"``)."""
    value = data.get(key)
    if value is None:
        return frozenset()
    if not isinstance(value, list):
        raise BadInputError(label, f"{what}: '{key}' must be a list of words")
    bad = [v for v in value if not isinstance(v, str) or not v.strip()]
    if bad:
        raise BadInputError(label, f"{what}: '{key}' has {bad[0]!r}, not a word (quote words YAML reads otherwise, "
                                   "such as \"no\", \"yes\", \"on\")")
    return frozenset(v.strip().lower() for v in value)


def require_keys(data: dict[str, Any], keys: tuple[str, ...], label: str, what: str) -> None:
    """Refuse a data file that leaves out any of ``keys`` (those the analysis reads), naming them; raises
    :class:`~readout.errors.BadInputError`. A key present with no value or an empty one is "none", as written."""
    missing = [k for k in keys if k not in data]
    if missing:
        names = " and ".join(filter(None, (", ".join(f"'{k}'" for k in missing[:-1]), f"'{missing[-1]}'")))
        raise BadInputError(label, f"{what}: missing key{'s' if len(missing) > 1 else ''} {names} (the analysis "
                                   f"reads {'them' if len(missing) > 1 else 'it'}; to use none, write "
                                   f"'{missing[0]}:' with nothing after it)")
