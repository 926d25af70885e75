"""AppTest of the rapat page: every view, next/previous, the URL, and numbers equal to Ringkasan."""

from __future__ import annotations

import datetime as dt

import pytest

from kla import meeting
from kla.i18n import format_number
from kla.loading import load_dataset
from tests.test_pages import ROOT, as_seen, open_page, texts

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
    # the same "Data contoh" box as every other page, naming the files (not a short caption)
    notice = [w.value for w in at.warning if "Data contoh" in w.value]
    assert len(notice) == 1 and "Nilai evaluasi KLA kota" in notice[0]
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
    assert at.get("button_group")[-1].value == list(ranking["kode"][:needed])
    projected = ranking.loc[needed - 1, "total_proyeksi"]
    assert f"Proyeksi total **{format_number(projected, 1)}**" in what_if_line(at)
    assert "kategori **Paripurna**" in what_if_line(at)
    # lowering the first chosen indicator back to its current points lowers the projection by its shortfall
    first = ranking.iloc[0]
    at.text_input(key=f"andai_{first['kode']}").input(format_number(first["poin"], 1)).run()
    lowered = ranking.loc[needed - 1, "total_proyeksi"] - first["kekurangan"]
    assert f"Proyeksi total **{format_number(lowered, 1)}**" in what_if_line(at)


def what_if_line(at, start: str = "Proyeksi total") -> str:
    return next(m.value for m in at.markdown if m.value.startswith(start))


def what_if_lines(at) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith(("Proyeksi total", "Projected total"))]


@pytest.fixture(scope="module")
def top(sample):
    """The year, the indicators the what-if starts with (those that reach Paripurna) and their maxima."""
    year = meeting.position(sample).tahun
    ranking = meeting.shortfalls(sample, year)
    chosen = ranking.head(meeting.indicators_for_paripurna(ranking))
    return year, dict(zip(chosen["kode"], chosen["max_poin"])), ranking


def expected_line(sample, year: int, points: dict[str, float], lang: str = "id") -> str:
    result = meeting.what_if(sample, year, points)
    word = "Proyeksi total" if lang == "id" else "Projected total"
    return f"{word} **{format_number(result.total_proyeksi, 1, lang)}**"


def test_what_if_reads_an_indonesian_decimal_comma(sample, top):
    year, start, _ = top
    first = next(iter(start))
    at = open_page(PAGE, view="poin")
    at.text_input(key=f"andai_{first}").input("20,5").run()
    assert not at.error
    assert what_if_lines(at) == [what_if_line(at)]
    assert expected_line(sample, year, start | {first: 20.5}) in what_if_line(at)  # 20,5, not 205
    assert f"{first}:20.5" in at.query_params["andai"][0 if isinstance(at.query_params["andai"], list) else None:]


def test_what_if_refuses_what_it_cannot_read_and_shows_no_projection(top):
    _, start, _ = top
    first = next(iter(start))
    at = open_page(PAGE, view="poin")
    at.text_input(key=f"andai_{first}").input("1.234,5").run()  # read as 1234,5: more than the maximum
    errors = [as_seen(e.value) for e in at.error]
    assert len(errors) == 1 and f"{first}: 1.234,5 di luar rentang" in errors[0]
    assert what_if_lines(at) == [], "a projection that does not match the inputs is never shown"
    assert any("perbaiki isian" in w.value for w in at.warning)
    at.text_input(key=f"andai_{first}").input("20.5").run()  # a dot is not the Indonesian decimal mark
    assert "«20.5» bukan angka" in as_seen(at.error[0].value) and "20,5" in as_seen(at.error[0].value)
    assert what_if_lines(at) == []


def test_what_if_in_english_reads_a_decimal_point(sample, top):
    year, start, _ = top
    first = next(iter(start))
    at = open_page(PAGE, view="poin", lang="en")
    at.text_input(key=f"andai_{first}").input("20.5").run()
    assert not at.error
    assert expected_line(sample, year, start | {first: 20.5}, "en") in what_if_lines(at)[0]


def test_what_if_shows_each_current_value_beside_its_maximum(top):
    _, start, ranking = top
    at = open_page(PAGE, view="poin")
    shown = texts(at)
    for code in start:
        row = ranking.set_index("kode").loc[code]
        now = format_number(row["poin"], 0 if float(row["poin"]).is_integer() else 1)
        most = format_number(row["max_poin"], 0 if float(row["max_poin"]).is_integer() else 1)
        assert f"{code} · {row['nama_singkat']}: sekarang {now}, maks. {most}" in shown


def test_what_if_keeps_its_state_when_stepping_between_views(sample, top):
    year, start, _ = top
    first = next(iter(start))
    at = open_page(PAGE, view="poin")
    at.text_input(key=f"andai_{first}").input("20,5").run()
    line = what_if_line(at)
    button(at, "Berikutnya →").click().run()
    assert view_title(at) == "kelurahan"
    button(at, "← Sebelumnya").click().run()
    assert view_title(at) == "poin"
    assert at.text_input(key=f"andai_{first}").value == "20,5"
    assert what_if_line(at) == line
    assert expected_line(sample, year, start | {first: 20.5}) in line


def test_what_if_opens_from_a_link_and_says_what_it_left_out(sample, top):
    year, _, ranking = top
    codes = list(ranking["kode"][:2])
    at = open_page(PAGE, view="poin", andai=f"{codes[0]}:20.5,{codes[1]}:30,X9-99:3")
    assert at.get("button_group")[-1].value == codes
    assert [at.text_input(key=f"andai_{c}").value for c in codes] == ["20,5", "30"]
    assert expected_line(sample, year, {codes[0]: 20.5, codes[1]: 30.0}) in what_if_line(at)
    assert any("X9-99:3" in w.value for w in at.warning)


def numbers(column) -> list[int]:
    return [int(str(v).replace(".", "")) for v in column]


def test_sejak_tables_add_up_to_the_totals_above(sample):
    window = meeting.since(sample, *meeting.default_window(sample))
    assert len(window.per_jenis) > 8, "the sample window has more types than rows shown"
    at = open_page(PAGE, view="sejak")
    for frame in (at.table[0].value, at.table[1].value):
        assert sum(numbers(frame["Kegiatan"])) == window.kegiatan
        assert sum(numbers(frame["Anak"])) == window.peserta_anak
        assert sum(numbers(frame["Dewasa"])) == window.peserta_dewasa
    assert as_seen(at.table[0].value.iloc[-1, 0]).startswith("Selebihnya (")


def test_sejak_defaults_to_the_last_meeting_and_follows_the_url(sample):
    start, end = meeting.default_window(sample)
    at = open_page(PAGE, view="sejak")
    window = meeting.since(sample, start, end)
    assert metrics(at)["Kegiatan"] == format_number(window.kegiatan, 0)
    assert metrics(at)["Anak terjangkau"] == format_number(window.peserta_anak, 0)
    at = open_page(PAGE, view="sejak", sejak="2026-01-01", sampai="2026-03-31")
    chosen = meeting.since(sample, dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert metrics(at)["Kegiatan"] == format_number(chosen.kegiatan, 0)


def test_kelurahan_view_names_the_lowest(sample):
    at = open_page(PAGE, view="kelurahan")
    lowest = meeting.kelurahan_movers(sample).terendah["nama"].iloc[0]
    assert lowest in at.table[0].value.to_string()
    # the tile map, drawn as a picture for the zoomed projector page, names every kelurahan
    maps = [m.value for m in at.markdown if 'class="kla-rapat-grafik"' in m.value]
    assert len(maps) == 1 and maps[0].count('class="textpoint"') == len(sample.kelurahan)


def test_tindak_lists_planned_and_stalled(sample):
    at = open_page(PAGE, view="tindak")
    plan = meeting.follow_up(sample, dt.date.today())
    assert f"Direncanakan, belum mulai ({len(plan.belum_mulai)})" in [s.value for s in at.subheader]
    assert f"Terhenti ({len(plan.terhenti)})" in [s.value for s in at.subheader]
    assert "Tombol panah" in texts(at)


def test_tindak_cut_lists_say_how_many_more_and_partners_add_up(sample):
    plan = meeting.follow_up(sample, dt.date.today())
    at = open_page(PAGE, view="tindak")
    planned, stalled, partners = (tb.value for tb in at.table)
    assert len(plan.belum_mulai) > len(planned) and len(plan.terhenti) > len(stalled)
    shown = texts(at)
    assert f"… dan {len(plan.belum_mulai) - len(planned)} lainnya" in shown
    assert f"… dan {len(plan.terhenti) - len(stalled)} lainnya" in shown
    # the counts in the two headings are the partners' column totals, the rest in one "Selebihnya" row
    assert sum(numbers(partners["Belum mulai"])) == len(plan.belum_mulai)
    assert sum(numbers(partners["Terhenti"])) == len(plan.terhenti)
    assert as_seen(partners.iloc[-1, 0]) == f"Selebihnya ({len(plan.per_mitra) - len(partners) + 1})"


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
