"""The generated docs directory: files are written only when their bytes change, and files no
longer generated are removed, so MkDocs' dirty mode sees exactly what changed."""

from __future__ import annotations

from pathlib import Path


class DocsWriter:
    def __init__(self, root: Path):
        self.root = root
        self.written: set[Path] = set()
        self.changed: set[str] = set()  # relative paths

    def write(self, relative: str, data: bytes | str) -> None:
        path = self.root / relative
        if isinstance(data, str):
            data = data.encode("utf-8")
        self.written.add(path)
        if path.is_file() and path.read_bytes() == data:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self.changed.add(relative)

    def copy_tree(self, source: Path, prefix: str = "") -> None:
        for file in sorted(source.rglob("*")):
            if file.is_file():
                self.write(f"{prefix}{file.relative_to(source).as_posix()}", file.read_bytes())

    def files(self) -> list[str]:
        return sorted(p.relative_to(self.root).as_posix() for p in self.written)

    def remove_stale(self) -> int:
        removed = 0
        for path in sorted(self.root.rglob("*"), reverse=True):
            if path.is_file() and path not in self.written:
                path.unlink()
                removed += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
        return removed
