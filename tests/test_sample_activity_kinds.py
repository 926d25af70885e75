"""kla.sample.activity_kinds: one description per activity type, each valid for the schema."""

from __future__ import annotations

from kla.sample.activity_kinds import ACTIVITY_KINDS, KINDS, SAMPLE_WEIGHTS
from kla.schema import ACTIVITY_TYPES, BLOCKS, INITIATIVE_TYPES


def test_every_activity_type_is_described_and_kinds_follow_the_schema_order():
    assert set(ACTIVITY_KINDS) == set(ACTIVITY_TYPES)
    for code, name in enumerate(ACTIVITY_TYPES):  # the generator draws type codes as positions
        assert KINDS[code] is ACTIVITY_KINDS[name], name


def test_kinds_are_valid():
    for name, kind in ACTIVITY_KINDS.items():
        assert kind.weight > 0 and 0 <= kind.city_share <= 1, name
        assert kind.organisers and all(w > 0 for _, w in kind.organisers), name
        titles = kind.local_titles + kind.city_titles
        assert titles and all(block in BLOCKS and weight > 0 for _, block, weight in titles), name
        assert set(kind.link_types) <= set(INITIATIVE_TYPES), name
        if kind.city_share == 1.0:
            assert not kind.local_titles, name
        if kind.city_share == 0.0:
            assert kind.local_titles, name


def test_drawn_weights_leave_out_the_monthly_meetings():
    assert "rapat gugus tugas" not in SAMPLE_WEIGHTS
    assert set(SAMPLE_WEIGHTS) == set(ACTIVITY_TYPES) - {"rapat gugus tugas"}
