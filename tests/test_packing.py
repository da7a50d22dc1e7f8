"""The compact encodings of the grouping state (crossref.packing) give back what they were given."""

from __future__ import annotations

import json
import random
import zlib

from crossref.packing import pack_pairs, pack_profile, single_precision, unpack_pairs, unpack_profile


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


def test_profiles_of_single_precision_take_four_bytes_a_weight() -> None:
    """The engine's profiles (rounded to single precision) are stored in four bytes a
    weight and read back exactly; any other float keeps its eight."""
    rng = random.Random(5)
    names = [f"w:{i}" for i in range(200)]
    doubles = {name: rng.random() * 40 for name in names}
    singles = dict(zip(names, single_precision(doubles.values()), strict=True))
    assert singles != doubles
    packed = {}
    for label, vec in (("double", doubles), ("single", singles)):
        data = {"seq": 1, "vec": vec, "n": 9, "lo": None, "hi": None, "dlo": None, "dhi": None}
        packed[label] = pack_profile(data)
        assert unpack_profile(packed[label]) == data
    assert packed["double"][:1] == b"\x01" and packed["single"][:1] == b"\x02"
    assert len(packed["double"]) - len(packed["single"]) > 600  # about 4 bytes a weight of 200
