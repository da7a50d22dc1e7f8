"""Where crossref keeps its files: the database and the user's configuration."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

APP_NAME = "crossref"
DB_ENV_VAR = "CROSSREF_DB"
DB_FILENAME = "crossref.db"
PARTIES_FILENAME = "parties.toml"


def default_db_path() -> Path:
    """The database used when neither ``--db`` nor ``CROSSREF_DB`` says otherwise."""
    import platformdirs  # here: not needed when --db or $CROSSREF_DB names the file

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME


def resolve_db_path(flag: str | os.PathLike[str] | None = None, env: Mapping[str, str] | None = None) -> Path:
    """The database path: ``--db PATH`` beats ``$CROSSREF_DB``, which beats the default.

    An empty flag or variable counts as unset; ``~`` is expanded.
    """
    environ = os.environ if env is None else env
    if flag is not None and str(flag) != "":
        return Path(flag).expanduser()
    from_env = environ.get(DB_ENV_VAR, "")
    if from_env:
        return Path(from_env).expanduser()
    return default_db_path()


def config_dir() -> Path:
    """The directory for the user's settings (e.g. the parties file)."""
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def parties_file() -> Path:
    """Where the user's party definitions live (read by the ``parties`` commands)."""
    return config_dir() / PARTIES_FILENAME
