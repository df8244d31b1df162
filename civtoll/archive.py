"""Files as they are published: a reproducible zip, checksums, sizes as a reader reads them."""

from __future__ import annotations

import hashlib
import io
import zipfile


def reproducible_zip(files: list[tuple[str, bytes, str]], date_time: tuple) -> bytes:
    """The same files always give the same bytes: fixed order, fixed timestamps, fixed permissions."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path, data, _ in sorted(files):
            info = zipfile.ZipInfo(f"syria-civilian-deaths/{path}", date_time=date_time)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data, compresslevel=9)
    return buffer.getvalue()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def human_size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / 1024 / 1024:.1f} MB"
