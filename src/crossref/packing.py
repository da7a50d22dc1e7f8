"""Compact encodings of the grouping engine's state, shared by :mod:`crossref.eventstore`
and the migrations that convert older databases (so that neither imports the other)."""

from __future__ import annotations

import json
import struct
import sys
import zlib
from array import array
from collections.abc import Iterable
from typing import Any


def _put(out: bytearray, value: int) -> None:
    """Append ``value`` (>= 0) as a little-endian base-128 varint."""
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)


def _zigzag(value: int) -> int:
    return value * 2 if value >= 0 else -value * 2 - 1


def _unzigzag(value: int) -> int:
    return value // 2 if value % 2 == 0 else -(value + 1) // 2


def pack_pairs(pairs: Iterable[tuple[int, int]]) -> bytes:
    """A set of (blocking key id, week) pairs as ``event_groups.keys`` holds them: sorted,
    each pair as two varints, the step from the key id before and either the week (zigzag
    encoded) for a new key or the step from the week before under the same key."""
    out = bytearray()
    last_key, last_week = -1, 0
    for key_id, week in sorted(set(pairs)):
        if key_id < 0:
            raise ValueError(f"blocking key id {key_id} is negative")
        step = key_id - last_key
        _put(out, step)
        _put(out, week - last_week if step == 0 else _zigzag(week))
        last_key, last_week = key_id, week
    return bytes(out)


def unpack_pairs(raw: bytes | None) -> list[tuple[int, int]]:
    """The (key id, week) pairs :func:`pack_pairs` stored, sorted (none for NULL)."""
    pairs: list[tuple[int, int]] = []
    values: list[int] = []
    value = shift = 0
    for byte in raw or b"":
        value |= (byte & 0x7F) << shift
        if byte & 0x80:
            shift += 7
            continue
        values.append(value)
        value = shift = 0
    if len(values) % 2:
        raise ValueError("truncated blocking key pairs")
    key_id, week = -1, 0
    for step, coded in zip(values[::2], values[1::2], strict=True):
        week = week + coded if step == 0 else _unzigzag(coded)
        key_id += step
        pairs.append((key_id, week))
    return pairs


PROFILE_FORMAT = b"\x01"  # first byte of a profile whose values are doubles (zlib streams start 0x78)
PROFILE_FORMAT_SINGLE = b"\x02"  # first byte of a profile whose values are single-precision floats


def single_precision(values: Iterable[float]) -> list[float]:
    """``values`` rounded to the nearest single-precision float (what ``pack_profile``
    stores in four bytes instead of eight)."""
    return array("f", values).tolist()


def pack_profile(data: dict[str, Any]) -> bytes:
    """An event profile (``Profile.to_json()``) as ``event_groups.profile`` holds it: a format
    byte, then zlib of its JSON without the vector, a NUL, and the vector's values in the
    order of its feature names (listed in the JSON as ``names``): as little-endian
    single-precision floats when every value is one (the engine rounds its profiles so, see
    crossref.events.Profile.prune), else as doubles. Floats round-trip exactly, and in
    order, so that grouping from the store gives what grouping in memory gives."""
    head = {k: v for k, v in data.items() if k != "vec"}
    vec: dict[str, float] = data["vec"]
    head["names"] = list(vec)
    body = json.dumps(head, separators=(",", ":"), ensure_ascii=False).encode()
    numbers = list(vec.values())
    if single_precision(numbers) == numbers:
        fmt, values = PROFILE_FORMAT_SINGLE, array("f", numbers)
    else:
        fmt, values = PROFILE_FORMAT, array("d", numbers)
    if sys.byteorder == "big":  # stored little-endian
        values.byteswap()
    return fmt + zlib.compress(body + b"\0" + values.tobytes(), 6)


def unpack_profile(raw: bytes | str) -> dict[str, Any]:
    """What :func:`pack_profile` packed; also reads the zlib-compressed JSON and the plain
    JSON text that older databases hold."""
    if isinstance(raw, str):
        return dict(json.loads(raw))
    if raw[:1] not in (PROFILE_FORMAT, PROFILE_FORMAT_SINGLE):
        return dict(json.loads(zlib.decompress(raw)))
    body, values = zlib.decompress(raw[1:]).split(b"\0", 1)
    data: dict[str, Any] = json.loads(body)
    names = data.pop("names")
    code = "f" if raw[:1] == PROFILE_FORMAT_SINGLE else "d"
    data["vec"] = dict(zip(names, struct.unpack(f"<{len(names)}{code}", values), strict=True))
    return data
