"""Interface texts: the static (press-ready) kelurahan choropleth (kla/staticmap.py)."""

STRINGS: dict[str, dict[str, str]] = {
    "statis.nama": {"id": "Peta kelurahan (statis)", "en": "Kelurahan map (static)"},
    "statis.judul": {"id": "{metrik}, {tahun}", "en": "{metrik}, {tahun}"},
    "statis.subjudul": {
        "id": "Kelurahan menurut batas wilayahnya; garis gelap = batas kecamatan",
        "en": "Kelurahan within their boundaries; dark lines = kecamatan borders",
    },
    "statis.subjudul_nama": {
        "id": "Kelurahan menurut batas wilayahnya; garis gelap = batas kecamatan; nomor = nama di bawah peta",
        "en": "Kelurahan within their boundaries; dark lines = kecamatan borders; numbers = names under the map",
    },
    "statis.subjudul_sisipan": {
        "id": "Kelurahan menurut batas wilayahnya; garis gelap = batas kecamatan; kotak = pusat kota, diperbesar",
        "en": "Kelurahan within their boundaries; dark lines = kecamatan borders; box = city centre, enlarged",
    },
    "statis.batas": {"id": "batas: {atribusi}", "en": "boundaries: {atribusi}"},
    "statis.kunci": {"id": "Nomor pada peta:", "en": "Numbers on the map:"},
}
