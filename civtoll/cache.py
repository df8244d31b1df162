"""Everything a build remembers for the next one, in one content-addressed store with one rule.

A result's key is the hash of its own inputs plus the code key: the bytes of every file of
civtoll/, docs/, mkdocs.yml and requirements.lock (the locked dependency versions), read once per
build. So any change to the code, a template, the catalogue or a pinned library makes new keys,
and nobody keeps a list of which code a result depends on. Results are files named by their key
(chart drawings, chart definitions, page texts, compiled templates); a ref names the key of a
record that is not a pure function of its inputs (what the published site was built from).

The store lives in build/site.work/store. Deleting it, or the whole of build/site.work, is
always safe: the next build makes everything again.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import pickle
from pathlib import Path
from typing import Any, Callable

import jinja2

from . import paths

MISSING = object()


def code_key(mode: str = "") -> str:
    """The hash of everything besides a result's own inputs that may shape it. `mode` names the
    build's shortcuts (shortcuts.mode()), which change what the same code writes."""
    files = paths.files_under(paths.ROOT / "civtoll", paths.DOCS) + [paths.MKDOCS_YML, paths.ROOT / "requirements.lock"]
    return files_digest(paths.ROOT, [f for f in files if f.is_file()], mode)


def files_digest(root: Path, files: list[Path], seed: str = "") -> str:
    """A hash of the files' names (relative to root) and bytes, in the order given."""
    digest = hashlib.sha256(seed.encode())
    for file in files:
        digest.update(file.relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()


class NotPlain(TypeError):
    pass


def plain(value: Any, digests: dict | None = None) -> bytes:
    """The canonical bytes of plain data: None, bool, int, float, str, lists, tuples, dicts and
    dataclasses of them. Anything else is refused: its repr may leave things out (a DataFrame's
    is truncated) or change between equal objects. `digests`: see _digest."""
    default = _plain_part if digests is None else functools.partial(_plain_part, digests=digests)
    return json.dumps(value, default=default, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _plain_part(value: Any, digests: dict | None = None) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {name: getattr(value, name) for name in _field_names(type(value))}
        if getattr(value, "KEYED_BY_DIGEST", False):
            return {"dataclass": type(value).__qualname__, "sha256": _digest(value, fields, digests)}
        return {"dataclass": type(value).__qualname__, **fields}
    raise NotPlain(f"a cache key takes plain data only, not {type(value).__module__}.{type(value).__qualname__}")


def _digest(value: Any, fields: dict, digests: dict | None) -> str:
    """A large value that is part of many keys (a month: its page, its charts, its neighbours'
    pages) stands in them for the hash of its fields, made once per build: `digests` is the
    build's store's memo, by object, holding the object so that its id is not reused. So such a
    value must not change once it is first part of a key (figures.Month says so). A value made
    from another by code of civtoll/ may say so in `made_from` (plain data: the other value and
    the rest of that code's inputs), and is then taken by the hash of those inputs: a month named
    in Arabic by the hash of the English month and the names (localise.py)."""
    known = digests.get(id(value)) if digests is not None else None
    if known is not None and known[0] is value:
        return known[1]
    made_from = getattr(value, "made_from", None)
    digest = hashlib.sha256(plain(fields if made_from is None else {"made_from": made_from}, digests)).hexdigest()
    if digests is not None:
        digests[id(value)] = (value, digest)
    return digest


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    # asked for every dataclass in every key: a month page's key holds thousands
    return tuple(f.name for f in dataclasses.fields(cls))


def make_key(code: str, kind: str, inputs: Any, digests: dict | None = None) -> str:
    """The one rule (Store.key); a function too, for the worker processes, which have no store."""
    return hashlib.sha256(code.encode() + b"\0" + kind.encode() + b"\0" + plain(inputs, digests)).hexdigest()[:40]


class Store:
    def __init__(self, directory: Path, code: str):
        self.directory = directory
        self.code = code
        self.used: set[str] = set()
        self.digests: dict[int, tuple[Any, str]] = {}  # cache._digest's memo, for this build
        (directory / "objects").mkdir(parents=True, exist_ok=True)
        (directory / "refs").mkdir(exist_ok=True)

    def key(self, kind: str, *inputs: Any) -> str:
        """The key of a result of this kind made from these inputs by the current code."""
        return make_key(self.code, kind, inputs, self.digests)

    def path(self, key: str) -> Path:
        """Where the object lives; the build hard-links drawn charts from here into the site."""
        self.used.add(key)
        return self.directory / "objects" / key[:2] / key

    def has(self, key: str) -> bool:
        return self.path(key).is_file()

    def read(self, key: str) -> bytes | None:
        try:
            return self.path(key).read_bytes()
        except OSError:
            return None

    def write(self, key: str, data: bytes) -> Path:
        """Objects are replaced, never rewritten in place: a published site may link to the old file."""
        path = self.path(key)
        path.parent.mkdir(exist_ok=True)
        tmp = path.with_name(f"{key}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
        return path

    def load(self, key: str) -> Any:
        data = self.read(key)
        if data is None:
            return MISSING
        try:
            return pickle.loads(data)
        except (pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return MISSING  # written by other code: make it again

    def save(self, key: str, value: Any) -> None:
        self.write(key, pickle.dumps(value, protocol=5))

    def remember(self, kind: str, inputs: tuple, make: Callable[[], Any]) -> Any:
        key = self.key(kind, *inputs)
        value = self.load(key)
        if value is MISSING:
            value = make()
            self.save(key, value)
        return value

    def ref(self, name: str) -> Any:
        """The value recorded under a name by the last successful build, or None."""
        try:
            key = (self.directory / "refs" / name).read_text(encoding="utf-8").strip()
        except OSError:
            return None
        value = self.load(key)
        return None if value is MISSING else value

    def set_ref(self, name: str, value: Any) -> None:
        key = self.key(f"ref:{name}", value)
        self.save(key, value)
        (self.directory / "refs" / name).write_text(key + "\n", encoding="utf-8")

    def prune(self) -> int:
        """Remove what this build did not use, so the store does not grow with every change.
        Only after a successful build; objects named by a ref are used by definition."""
        for ref in (self.directory / "refs").iterdir():
            self.used.add(ref.read_text(encoding="utf-8").strip())
        removed = 0
        for path in (self.directory / "objects").glob("*/*"):
            if path.name not in self.used:
                path.unlink()
                removed += 1
        return removed

    def bytecode_cache(self) -> jinja2.BytecodeCache:
        return _StoreBytecodeCache(self)


class _StoreBytecodeCache(jinja2.BytecodeCache):
    """Compiled Jinja templates (ours and the theme's), kept in the store: compiling Material's
    templates costs about half a second a build. Jinja's checksum of the source is an input."""

    def __init__(self, store: Store):
        self.store = store

    def _key(self, bucket: jinja2.bccache.Bucket) -> str:
        return self.store.key("jinja-bytecode", bucket.key, bucket.checksum)

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self.store.read(self._key(bucket))
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store.write(self._key(bucket), bucket.bytecode_to_string())
