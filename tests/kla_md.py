"""Facts typed by hand from shared/domain/KLA.md, for tests to compare against (never read from the code)."""

from __future__ import annotations

ALL_KELURAHAN = {  # "The 34 kelurahan"
    "64.71.01.1001": "Manggar", "64.71.01.1002": "Lamaru", "64.71.01.1003": "Teritip",
    "64.71.01.1004": "Manggar Baru",
    "64.71.02.1001": "Baru Ilir", "64.71.02.1002": "Baru Tengah", "64.71.02.1003": "Baru Ulu",
    "64.71.02.1004": "Kariangau", "64.71.02.1005": "Margo Mulyo", "64.71.02.1006": "Marga Sari",
    "64.71.03.1001": "Batu Ampar", "64.71.03.1002": "Gunung Samarinda", "64.71.03.1003": "Karang Joang",
    "64.71.03.1004": "Muara Rapak", "64.71.03.1005": "Gunung Samarinda Baru", "64.71.03.1006": "Graha Indah",
    "64.71.04.1001": "Gunung Sari Ulu", "64.71.04.1002": "Gunung Sari Ilir", "64.71.04.1003": "Karang Rejo",
    "64.71.04.1004": "Karang Jati", "64.71.04.1005": "Mekar Sari", "64.71.04.1006": "Sumber Rejo",
    "64.71.05.1002": "Sepinggan", "64.71.05.1006": "Gunung Bahagia", "64.71.05.1008": "Sepinggan Baru",
    "64.71.05.1009": "Sepinggan Raya", "64.71.05.1010": "Sungainangka", "64.71.05.1011": "Damai Baru",
    "64.71.05.1012": "Damai Bahagia",
    "64.71.06.1001": "Prapatan", "64.71.06.1002": "Telaga Sari", "64.71.06.1003": "Klandasan Ulu",
    "64.71.06.1004": "Klandasan Ilir", "64.71.06.1005": "Damai",
}
ALL_KECAMATAN = {
    "64.71.01": "Balikpapan Timur", "64.71.02": "Balikpapan Barat", "64.71.03": "Balikpapan Utara",
    "64.71.04": "Balikpapan Tengah", "64.71.05": "Balikpapan Selatan", "64.71.06": "Balikpapan Kota",
}
# "Balikpapan's path": the category of every year with a known outcome (None: no national round).
REAL_CATEGORY = {2012: "Pratama", 2013: "Pratama", 2014: "Pratama", 2015: "Pratama", 2017: "Madya",
                 2019: "Nindya", 2020: None, 2021: "Nindya", 2022: "Nindya", 2023: "Utama", 2024: None,
                 2025: "Utama"}
REPORTED_2023_SCORES = [817.0, 891.0]
# "Population": Dukcapil DKB Semester I 2024 by kecamatan, and the city's children 0-17 (2021).
KECAMATAN_POPULATION = {"Balikpapan Utara": 191_341, "Balikpapan Selatan": 160_658, "Balikpapan Tengah": 106_021,
                        "Balikpapan Timur": 104_691, "Balikpapan Barat": 98_575, "Balikpapan Kota": 85_518}
CHILDREN_0_17 = 223_233
