"""The compact encodings of the grouping state (crossref.packing) give back what they were given."""

from __future__ import annotations

import json
import random
import zlib

from crossref.packing import pack_pairs, pack_profile, unpack_pairs, unpack_profile


def test_pairs_round_trip() -> None:
    rng = random.Random(7)
    assert unpack_pairs(pack_pairs([])) == []
    assert unpack_pairs(None) == []
    for _ in range(300):
        pairs = {(rng.randint(0, 70_000), rng.randint(-5, 200_000)) for _ in range(rng.randint(1, 200))}
        assert unpack_pairs(pack_pairs(pairs)) == sorted(pairs)


def test_profiles_round_trip_exactly_and_in_order() -> None:
    rng = random.Random(11)
    for _ in range(200):
        vec = {f"w:{rng.random():.6f}": rng.random() * rng.choice([1e-9, 1.0, 3e7]) for _ in range(50)}
        vec["p:l:zürich"] = -0.1 + 0.2
        data = {"seq": rng.randint(1, 10**6), "vec": vec, "n": 3, "lo": "2024-05-04", "hi": None,
                "dlo": "2024-05-01", "dhi": "2024-05-06"}  # fmt: skip
        back = unpack_profile(pack_profile(data))
        assert back == data
        assert list(back["vec"]) == list(vec)
        assert all(a.hex() == b.hex() for a, b in zip(back["vec"].values(), vec.values(), strict=True))
        old = json.dumps(data, separators=(",", ":"))
        assert unpack_profile(zlib.compress(old.encode())) == data  # as m0003..m0009 stored them
        assert unpack_profile(old) == data
