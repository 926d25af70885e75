"""kla.sample.initiative_kinds: the invented kinds are valid initiatives and their templates fill."""

from __future__ import annotations

import string

from kla.sample.initiative_kinds import INVENTED_KINDS
from kla.schema import BLOCKS, INITIATIVE_TYPES, PARTNER_TYPES

PLACEHOLDERS = {"kel", "kec", "w", "n", "school"}


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def test_kinds_are_known_types_blocks_and_partners():
    for kind in INVENTED_KINDS:
        assert kind.jenis in INITIATIVE_TYPES and kind.blok in BLOCKS and kind.count > 0, kind.jenis
        assert 0 <= kind.planned_share < 1 and kind.stop_reasons
        for variant in kind.variants:
            assert variant.blok is None or variant.blok in BLOCKS
            assert all(partner_type in PARTNER_TYPES for partner_type, _ in variant.partners), variant.name


def test_templates_use_only_known_placeholders_and_words_where_needed():
    for kind in INVENTED_KINDS:
        for variant in kind.variants:
            used = placeholders(variant.name) | {p for _, name in variant.partners for p in placeholders(name)}
            assert used <= PLACEHOLDERS, variant.name
            if "w" in used:
                # each {w} is a distinct word while the kind's count allows
                assert len(kind.words) >= kind.count / len(kind.variants), kind.jenis
