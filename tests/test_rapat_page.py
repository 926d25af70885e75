"""AppTest of the rapat page: every view, next/previous, the URL, and numbers equal to Ringkasan."""

from __future__ import annotations

import pytest

from kla import meeting
from kla.i18n import format_number
from kla.loading import load_dataset
from tests.test_pages import ROOT, open_page, texts

PAGE = "pages/rapat.py"


@pytest.fixture(scope="module")
def sample():
    return load_dataset(ROOT / "data").dataset


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def button(at, label: str):
    return next(b for b in at.button if b.label == label)


def test_posisi_equals_ringkasan(sample):
    at = open_page(PAGE)
    pos = meeting.position(sample)
    shown = metrics(at)
    assert shown[f"Skor KLA {pos.tahun}"] == format_number(pos.skor, 1)
    assert shown["Kategori"] == pos.kategori
    assert shown["Kurang ke Paripurna (901)"] == format_number(pos.ke_paripurna, 1)
    ringkasan = metrics(open_page("pages/ringkasan.py"))
    assert ringkasan[f"Skor {pos.tahun}"] == shown[f"Skor KLA {pos.tahun}"]
    assert ringkasan["Kategori"] == shown["Kategori"]
    assert ringkasan["Kurang ke Paripurna (901)"] == shown["Kurang ke Paripurna (901)"]
    assert button(at, "← Sebelumnya").disabled


@pytest.mark.parametrize("view", meeting.VIEWS)
def test_every_view_runs_from_the_url(view):
    at = open_page(PAGE, view=view)
    assert view_title(at) == view
    assert "Data contoh" in at.caption[0].value
    assert any(b.label.startswith("Unduh ringkasan rapat") for b in at.get("download_button"))


def view_title(at) -> str:
    names = {"Posisi": "posisi", "Di mana poinnya": "poin", "Kelurahan": "kelurahan", "Sejak rapat terakhir": "sejak",
             "Tindak lanjut": "tindak"}
    return names[at.title[0].value]


def test_next_walks_through_all_views_in_order():
    at = open_page(PAGE)
    seen = [view_title(at)]
    for _ in range(len(meeting.VIEWS) - 1):
        button(at, "Berikutnya →").click().run()
        assert not at.exception
        seen.append(view_title(at))
        assert at.query_params["view"] in (seen[-1], [seen[-1]])
    assert seen == list(meeting.VIEWS)
    assert button(at, "Berikutnya →").disabled
    button(at, "← Sebelumnya").click().run()
    assert view_title(at) == "sejak"


def test_what_if_defaults_to_the_indicators_that_reach_paripurna(sample):
    at = open_page(PAGE, view="poin")
    ranking = meeting.shortfalls(sample, meeting.position(sample).tahun)
    needed = meeting.indicators_for_paripurna(ranking)
    assert at.multiselect[0].value == list(ranking["kode"][:needed])
    projected = ranking.loc[needed - 1, "total_proyeksi"]
    assert f"Proyeksi total **{format_number(projected, 1)}**" in what_if_line(at)
    assert "kategori **Paripurna**" in what_if_line(at)
    # lowering the first chosen indicator back to its current points lowers the projection by its shortfall
    first = ranking.iloc[0]
    at.number_input(key=f"andai_{first['kode']}").set_value(float(first["poin"])).run()
    lowered = ranking.loc[needed - 1, "total_proyeksi"] - first["kekurangan"]
    assert f"Proyeksi total **{format_number(lowered, 1)}**" in what_if_line(at)


def what_if_line(at) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("Proyeksi total"))


def test_sejak_defaults_to_the_last_meeting_and_follows_the_url(sample):
    start, end = meeting.default_window(sample)
    at = open_page(PAGE, view="sejak")
    window = meeting.since(sample, start, end)
    assert metrics(at)["Kegiatan"] == format_number(window.kegiatan, 0)
    assert metrics(at)["Anak terjangkau"] == format_number(window.peserta_anak, 0)
    at = open_page(PAGE, view="sejak", sejak="2026-01-01", sampai="2026-03-31")
    import datetime as dt

    chosen = meeting.since(sample, dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert metrics(at)["Kegiatan"] == format_number(chosen.kegiatan, 0)


def test_kelurahan_view_names_the_lowest(sample):
    at = open_page(PAGE, view="kelurahan")
    lowest = meeting.kelurahan_movers(sample).terendah["nama"].iloc[0]
    assert lowest in at.table[0].value.to_string()
    assert len(at.get("plotly_chart")) == 1


def test_tindak_lists_planned_and_stalled(sample):
    at = open_page(PAGE, view="tindak")
    import datetime as dt

    plan = meeting.follow_up(sample, dt.date.today())
    assert f"Direncanakan, belum mulai ({len(plan.belum_mulai)})" in [s.value for s in at.subheader]
    assert f"Terhenti ({len(plan.terhenti)})" in [s.value for s in at.subheader]
    assert "Tombol panah" in texts(at)


def test_brief_downloads_past_the_allowance_get_a_polite_note():
    from kla.ratelimit import RateLimited
    from kla.ui import unduh

    at = open_page(PAGE)
    assert not [i for i in at.info if "berkas ini" in i.value]
    guard = at.session_state["_kla_batas_ringkasan"]  # this visitor's allowance, used by the button's callable
    allowed, window = unduh.LIMITS["ringkasan"]
    download = guard.wrap(lambda: b"%PDF")
    for _ in range(allowed):
        download()
    with pytest.raises(RateLimited):
        download()
    at.run()
    notes = [i.value for i in at.info if "berkas ini" in i.value]
    assert len(notes) == 1 and f"{allowed} kali dalam {window // 60} menit terakhir" in notes[0]
    assert not open_page(PAGE).info, "another visitor is not limited"
