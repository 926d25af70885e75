"""Interface texts: batas (see kla/strings/__init__.py)."""

STRINGS: dict[str, dict[str, str]] = {
}
