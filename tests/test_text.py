import re

from kla.text import escape_html, escape_markdown

ATTACK = '<img src=x onerror="alert(1)">[klik](javascript:alert(2)) **tebal**'


def test_html_is_escaped():
    out = escape_html(ATTACK)
    assert "<img" not in out and "&lt;img" in out and "&quot;" in out


def test_markdown_syntax_is_neutralised():
    out = escape_markdown(ATTACK)
    assert re.search(r"(?<!\\)[<>\[\]()*]", out) is None  # no unescaped markup character left
    assert re.sub(r"\\(.)", r"\1", out) == ATTACK  # and the text reads exactly as typed


def test_none_is_empty():
    assert escape_html(None) == "" and escape_markdown(None) == ""
