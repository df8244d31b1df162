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


class Memo:
    def __init__(self, path: Path, *context: Any):
        self.path = path
        self.context = pickle.dumps(context, protocol=5)
        try:
            self.previous: dict[str, Any] = pickle.loads(path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            self.previous = {}  # first build, or written by other code: define everything
        self.current: dict[str, Any] = {}
        self.reused = 0

    def get(self, inputs: Any, define: Callable[[], Any]) -> Any:
        key = hashlib.sha256(self.context + pickle.dumps(inputs, protocol=5)).hexdigest()
        if key in self.previous:
            value = self.previous[key]
            self.reused += 1
        else:
            value = define()
        self.current[key] = value
        return value

    def save(self) -> None:
        """Keep only the definitions this build used, so the memo does not grow without end."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_bytes(pickle.dumps(self.current, protocol=5))
        tmp.replace(self.path)
