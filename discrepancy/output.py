"""Writing reports without ever touching an input.

``protected_target`` tells whether an output path is (through symlinks, ``..``, hard links or a
case-insensitive file system) one of the files a run reads; the CLI refuses such an output before
any work. ``write_atomically`` writes through a temporary file and a rename, keeping the mode an
existing report had and giving a new one the mode the umask allows.
"""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from typing import Iterable


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))


def protected_target(output: Path, protected: Iterable[Path]) -> Path | None:
    """The protected file ``output`` would overwrite, or None."""
    for path in protected:
        if _same_file(output, path):
            return path
    return None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` so that readers never see half of it: a temporary file beside the target,
    then a rename. A symlink is written through (its target is replaced, the link kept); an
    existing file keeps its permission bits; a new one gets ``0o666`` less the umask."""
    path = Path(os.path.realpath(path))
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
