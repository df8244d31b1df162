"""The publish stage: swap the staged site in for the published one, and remember what it was made
from. Until the swap, the published site is untouched; the swap is two renames."""

from __future__ import annotations

import shutil
from pathlib import Path

from .context import Context


def publish(ctx: Context, staging: Path, record: dict) -> None:
    old = ctx.out.parent / f".{ctx.out.name}.old"
    if old.exists():
        shutil.rmtree(old)
    if ctx.out.exists():
        ctx.out.rename(old)
    staging.rename(ctx.out)
    shutil.rmtree(old, ignore_errors=True)
    ctx.store.set_ref("published", record)
    ctx.store.prune()
