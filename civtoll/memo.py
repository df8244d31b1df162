"""Results remembered between builds, keyed by their inputs: chart definitions and page texts.

Defining a chart with Altair or rendering a page's template costs milliseconds each, which over a
thousand charts and hundreds of pages is seconds on every build, although adding a month changes
the charts and pages of a few months. A result is reused when its inputs (the derived figures)
and everything else that shapes it (the code, templates, catalogue, party colours, library
versions: the memo's context) are unchanged.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path
from typing import Any, Callable


MISSING = object()


class Memo:
    def __init__(self, path: Path, *context: Any):
        self.path = path
        self.context = _fingerprint(context)
        try:
            self.previous: dict[str, Any] = pickle.loads(path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            self.previous = {}  # first build, or written by other code: define everything
        self.current: dict[str, Any] = {}
        self.reused = 0

    def lookup(self, inputs: Any) -> tuple[str, Any]:
        """The key for these inputs, and the remembered result or MISSING; `store` what is missing."""
        key = hashlib.sha256(self.context + _fingerprint(inputs)).hexdigest()
        if key in self.previous:
            self.current[key] = self.previous[key]
            self.reused += 1
            return key, self.current[key]
        return key, MISSING

    def store(self, key: str, value: Any) -> None:
        self.current[key] = value

    def get(self, inputs: Any, define: Callable[[], Any]) -> Any:
        key, value = self.lookup(inputs)
        if value is MISSING:
            value = define()
            self.store(key, value)
        return value

    def save(self) -> None:
        """Keep only the results this build used, so the memo does not grow without end."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_bytes(pickle.dumps(self.current, protocol=5))
        tmp.replace(self.path)


def _fingerprint(value: Any) -> bytes:
    """The same bytes for equal values. Not pickle: its output also depends on which equal
    objects happen to be shared, so a value rebuilt from the memo would never match."""
    return repr(value).encode("utf-8")
