import re
import string

import pytest

from kla.text import AUTOLINK_BREAK, escape_html, escape_markdown, escape_plotly, markdown_code, safe_url, url_host

ATTACK = '<img src=x onerror="alert(1)">[klik](javascript:alert(2)) **tebal**'
# Every Markdown construct a data cell could try, each on its own line as a spreadsheet cell allows.
MARKDOWN_PAYLOADS = [
    "**tebal** _miring_ ~~coret~~ `kode`",
    "[tautan](http://127.0.0.2/x) <http://127.0.0.2/a> http://127.0.0.2/b www.contoh.org HTTPS://X.ORG a@b.co",
    "![gambar](http://127.0.0.2/i.png)",
    "<img src=http://127.0.0.2/y onerror=alert(1)> <b>b</b> &lt;i&gt; &amp;",
    "$x^2$ $$\\frac{1}{2}$$",
    "# Judul\n## Sub\nJudul\n===",
    "- satu\n* dua\n+ tiga\n1. empat\n2) lima",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "> kutipan\n    kode menjorok\n```\npagar\n```",
    "baris\r# judul setelah CR\u2028- daftar setelah LS",
    ":red[merah] :material/home: :smile:",
    "[acuan]: http://127.0.0.2/ref\n[acuan]",
]


def test_html_is_escaped():
    out = escape_html(ATTACK)
    assert "<img" not in out and "&lt;img" in out and "&quot;" in out


def test_markdown_syntax_is_neutralised():
    out = escape_markdown(ATTACK)
    assert re.search(r"(?<!\\)[<>\[\]()*]", out) is None  # no unescaped markup character left
    assert re.sub(r"\\(.)", r"\1", out) == ATTACK  # and the text reads exactly as typed
    assert "kontak\u2060\\@contoh\\.org" in escape_markdown("kontak@contoh.org")


def live_punctuation(text: str) -> list[str]:
    """ASCII punctuation not taken by a backslash escape: what CommonMark could read as syntax."""
    found, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            i += 2
            continue
        if text[i] in string.punctuation:
            found.append(text[i])
        i += 1
    return found


def unescape_markdown(text: str) -> str:
    """What a CommonMark renderer shows for backslash-escaped text."""
    return re.sub(r"\\(.)", r"\1", text)


@pytest.mark.parametrize("payload", MARKDOWN_PAYLOADS)
def test_escaped_markdown_is_one_line_of_the_same_text_with_no_live_syntax(payload):
    """Every ASCII punctuation mark is escaped (CommonMark then reads it as a literal character),
    nothing is left at a line start, and the reader sees the typed text, line breaks as spaces.

    How Streamlit's renderer draws it is checked in Chromium (tests/e2e/test_injection.py).
    """
    out = escape_markdown(payload)
    assert out == out.strip() and not any(c in out for c in "\n\r\t\u2028\u2029\x0b\x0c")
    assert live_punctuation(out) == []
    seen = unescape_markdown(out)
    assert seen.replace(AUTOLINK_BREAK, "") == " ".join(payload.split())
    # GFM links bare URLs and e-mail addresses in the text escapes leave: none may remain
    assert not re.search(r"(?i)https?://|www\.|[\w.+-]@", seen), seen


def test_markdown_code_is_literal_even_with_backticks():
    """Inside a code span nothing is markup; the fence is longer than any backtick run in the text."""
    for text in ("evaluasi_kota", "a`b``c", "**x** <b>", "`"):
        span = markdown_code(text)
        fence = re.match(r"`+", span).group(0)
        assert span == f"{fence} {text} {fence}"
        assert fence not in text and len(fence) > max(map(len, re.findall(r"`+", text)), default=0)
    assert markdown_code("a\n# b") == "` a # b `" and markdown_code("") == ""


def test_plotly_escape_only_touches_what_plotly_reads():
    label = 'Forum "Anak" & Remaja\'s <b>tebal</b> <script>x</script>'
    out = escape_plotly(label)
    assert "<" not in out and ">" not in out
    assert '"Anak"' in out and "Remaja's" in out  # plotly does not decode &quot; or &#x27;
    assert "&amp; Remaja" in out and "&lt;b&gt;tebal&lt;/b&gt;" in out
    # plotly decodes these three entities, so the label reads as typed
    assert out.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") == label


@pytest.mark.parametrize("url", ["https://www.dwipanews.com/2017/07/balikpapan-raih", "http://127.0.0.1:8501/x?a=1&b=2",
                                 "HTTPS://Contoh.go.id/", "https://contoh.go.id/path%20with%20space#frag"])
def test_http_urls_are_kept(url):
    assert safe_url(url) == url
    assert safe_url(f"  {url}\n") == url


@pytest.mark.parametrize("text", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>",
                                  "//127.0.0.2/x", "/relative", "ftp://contoh.go.id/x", "http://", "https:///x",
                                  "http://a b.com", "http://x.com/<script>", 'http://x.com/"onmouseover=', "http://[::1",
                                  "Surat Keputusan Menteri", "", None, float("nan"), "http://x.com\\@127.0.0.2",
                                  "https://contoh.go.id/ **tebal**"])
def test_anything_else_is_not_a_url(text):
    assert safe_url(text) is None


def test_url_host():
    assert url_host("https://www.dwipanews.com/2017/07/x") == "www.dwipanews.com"


def test_none_is_empty():
    assert escape_html(None) == "" and escape_markdown(None) == "" and escape_plotly(None) == ""
