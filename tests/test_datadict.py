"""The data dictionary in data/README.md is generated from the schema: it must be current."""

from pathlib import Path

from kla.datadict import render_dictionary, update_readme
from kla.schema import FILES

README = Path(__file__).resolve().parents[1] / "data" / "README.md"


def test_readme_dictionary_is_up_to_date():
    assert update_readme(README, write=False) is False, "jalankan: python -m kla datadict"


def test_every_file_and_column_is_documented():
    text = render_dictionary()
    for spec in FILES.values():
        assert f"`{spec.name}.csv`" in text
        for column in spec.columns:
            assert f"| `{column.name}` |" in text
