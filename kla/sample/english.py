"""English versions of the texts the generator writes: activity titles, initiative descriptions, source lines.

Each Indonesian template maps to its English template with the same placeholders ({kel}, {kec},
{w}, {n}, {school}); the data's ``*_en`` columns are filled from here, so the English column says
what the Indonesian one says. Names of places, organisations and initiatives are not translated.
``tests/test_sample_english.py`` checks that every template the generator can write is here.
"""

from __future__ import annotations

ACTIVITY_TITLES: dict[str, str] = {
    # task force meetings (kla/sample/meetings.py and facts/rapat_gugus_tugas.csv)
    "Rapat koordinasi Gugus Tugas KLA": "KLA task force coordination meeting",
    "Rapat Gugus Tugas KLA: pemutakhiran data dukung": "KLA task force meeting: updating the supporting data",
    "Rapat Gugus Tugas KLA: penyusunan RAD KLA": "KLA task force meeting: drafting the KLA action plan",
    "Rapat Gugus Tugas KLA: pembahasan profil anak": "KLA task force meeting: the child profile",
    "Rapat Gugus Tugas KLA: persiapan verifikasi lapangan": "KLA task force meeting: preparing the field verification",
    "Rapat Gugus Tugas KLA: pengisian data dukung evaluasi":
        "KLA task force meeting: filling in the evaluation's supporting data",
    "Rapat Gugus Tugas KLA: tindak lanjut hasil evaluasi":
        "KLA task force meeting: follow-up of the evaluation results",
    "Rapat Gugus Tugas KLA: rencana kerja tahunan": "KLA task force meeting: annual work plan",
    "Rapat Gugus Tugas KLA dan deklarasi komitmen bersama": "KLA task force meeting and joint commitment declaration",
    "Rapat Gugus Tugas KLA: Klaster IV pendidikan dan ruang kreatif":
        "KLA task force meeting: Cluster IV education and creative spaces",
    # pelatihan pendamping
    "Pelatihan pendamping Forum Anak Kelurahan {kel}": "Training for Children's Forum facilitators, Kelurahan {kel}",
    "Pelatihan konselor sebaya Kecamatan {kec}": "Peer counsellor training, Kecamatan {kec}",
    "Pelatihan kader PAUD-HI Kelurahan {kel}": "Training for holistic early childhood volunteers, Kelurahan {kel}",
    "Pelatihan pendamping korban kekerasan anak": "Training for companions of child victims of violence",
    "Pelatihan Konvensi Hak Anak bagi pendamping": "Convention on the Rights of the Child training for facilitators",
    "Pelatihan fasilitator PUSPAGA": "PUSPAGA facilitator training",
    "Pelatihan pengasuh TARA": "Training for TARA daycare carers",
    "Pelatihan konselor PMBA": "Infant and young child feeding counsellor training",
    # pelatihan relawan
    "Pelatihan relawan PATBM Kelurahan {kel}": "PATBM volunteer training, Kelurahan {kel}",
    "Pembekalan kader KLA Kelurahan {kel}": "Briefing for KLA volunteers, Kelurahan {kel}",
    "Pelatihan relawan taman baca Kelurahan {kel}": "Reading corner volunteer training, Kelurahan {kel}",
    "Pelatihan relawan PATBM tingkat kota": "City-wide PATBM volunteer training",
    "Pembekalan relawan Sahabat Anak": "Briefing for Friends of Children volunteers",
    # sosialisasi KIE
    "Sosialisasi pencegahan perundungan di sekolah, Kelurahan {kel}": "Preventing bullying at school, Kelurahan {kel}",
    "Sosialisasi pencegahan kekerasan seksual pada anak, Kelurahan {kel}":
        "Preventing sexual violence against children, Kelurahan {kel}",
    "KIE pencegahan perkawinan anak di Kelurahan {kel}": "Preventing child marriage, Kelurahan {kel}",
    "Sosialisasi Kawasan Tanpa Rokok di Kelurahan {kel}": "Smoke-free areas, Kelurahan {kel}",
    "KIE pengasuhan positif bagi orang tua, Kelurahan {kel}": "Positive parenting for parents, Kelurahan {kel}",
    "KIE akta kelahiran dan KIA di Kelurahan {kel}": "Birth certificates and child ID cards, Kelurahan {kel}",
    "Sosialisasi gizi seimbang dan PMBA, Kelurahan {kel}": "Balanced nutrition and infant feeding, Kelurahan {kel}",
    "Sosialisasi keamanan digital bagi anak, Kelurahan {kel}": "Online safety for children, Kelurahan {kel}",
    "Sosialisasi sekolah ramah anak di Kecamatan {kec}": "Child-friendly schools, Kecamatan {kec}",
    "Sosialisasi keselamatan anak di jalan, Kelurahan {kel}": "Road safety for children, Kelurahan {kel}",
    "Dialog radio: Balikpapan menuju KLA Paripurna": "Radio talk: Balikpapan on its way to KLA Paripurna",
    "Kampanye Hari Anak Nasional di sekolah": "National Children's Day campaign at schools",
    "Sosialisasi Perda Kota Layak Anak": "Explaining the Child-Friendly City regulation",
    "Kampanye anti perundungan di media sosial": "Anti-bullying campaign on social media",
    # forum anak
    "Kumpul Bareng Forum Anak Kecamatan {kec}": "Children's Forum get-together, Kecamatan {kec}",
    "Pertemuan rutin Forum Anak Kelurahan {kel}": "Regular Children's Forum meeting, Kelurahan {kel}",
    "Forum Anak {kel}: diskusi isu perundungan": "Children's Forum {kel}: discussing bullying",
    "Forum Anak {kel} dalam Musrenbang kelurahan": "Children's Forum {kel} in the kelurahan development planning",
    "Pelatihan Pelopor dan Pelapor Forum Anak {kec}": "Pioneers and Reporters training, Children's Forum {kec}",
    "Pertemuan Forum Anak Kota Balikpapan": "Balikpapan City Children's Forum meeting",
    "Pembekalan Forum Anak: mitigasi bencana dan pencegahan radikalisme":
        "Children's Forum briefing: disaster preparedness and preventing radicalism",
    "Konsultasi anak untuk RAD KLA": "Consulting children on the KLA action plan",
    # verifikasi
    "Verifikasi data dukung kelurahan layak anak {kel}": "Verifying child-friendly kelurahan evidence, {kel}",
    "Verifikasi sekolah ramah anak di {kec}": "Verifying child-friendly schools in {kec}",
    "Verifikasi puskesmas ramah anak {kel}": "Verifying the child-friendly health centre, {kel}",
    "Verifikasi data dukung evaluasi KLA": "Verifying the KLA evaluation evidence",
    "Verifikasi profil anak kota": "Verifying the city's child profile",
    # standardisasi layanan
    "Standardisasi RBRA {kel}": "Child-friendly playground standards, {kel}",
    "Standardisasi TARA {kel}": "Child-friendly daycare standards, {kel}",
    "Standardisasi pelayanan ramah anak puskesmas {kel}": "Child-friendly health centre standards, {kel}",
    "Standardisasi layanan PUSPAGA": "PUSPAGA service standards",
    "Standardisasi layanan UPTD PPA": "UPTD PPA service standards",
    # kunjungan lapangan
    "Kunjungan lapangan ke Kelurahan {kel}": "Field visit to Kelurahan {kel}",
    "Pemantauan ruang bermain anak di {kel}": "Checking children's play spaces in {kel}",
    "Penjangkauan anak rentan di Kelurahan {kel}": "Outreach to vulnerable children, Kelurahan {kel}",
    # lainnya
    "Lomba mendongeng anak Kelurahan {kel}": "Children's storytelling contest, Kelurahan {kel}",
    "Kerja bakti ruang bermain anak {kel}": "Community clean-up of the play space, {kel}",
    "Pemeriksaan kesehatan anak sekolah {kel}": "School children's health check, {kel}",
    "Layanan jemput bola akta kelahiran {kel}": "Mobile birth certificate service, {kel}",
    "Festival kreativitas anak": "Children's creativity festival",
    "Lomba anak dalam rangka Hari Anak Nasional": "Children's contests for National Children's Day",
    "Lomba kreativitas anak tingkat kota": "City-wide children's creativity contest",
}

# The prefix of an activity linked to an initiative, before the initiative's name (kept as written).
LINK_PREFIXES: dict[str, str] = {
    "Pelatihan pendamping: ": "Facilitator training: ",
    "Pelatihan relawan: ": "Volunteer training: ",
    "Sosialisasi bersama ": "Awareness session with ",
    "Pertemuan ": "Meeting of ",
    "Verifikasi: ": "Verification: ",
    "Standardisasi: ": "Standards: ",
    "Kunjungan lapangan: ": "Field visit: ",
    "Kegiatan bersama ": "Activity with ",
}

INITIATIVE_TEXTS: dict[str, str] = {
    "Lapak baca gratis setiap akhir pekan untuk anak-anak di lingkungan RT":
        "Free reading stall every weekend for the neighbourhood's children",
    "Ruang baca warga dengan koleksi buku donasi dan kegiatan mendongeng":
        "Residents' reading room with donated books and storytelling",
    "Pojok baca di teras rumah warga yang buka setiap sore sepulang sekolah":
        "Reading corner on a resident's porch, open every afternoon after school",
    "Rintisan kampung ramah anak dengan jam belajar masyarakat, ruang bermain dan ronda anak":
        "Pilot child-friendly neighbourhood with community study hours, a play space and child watch",
    "Penyusunan SK gugus tugas kelurahan, profil anak dan keterlibatan Forum Anak dalam Musrenbang":
        "Setting up the kelurahan task force, child profile and Children's Forum role in development planning",
    "Orang tua bergiliran mendampingi kegiatan sekolah dan memantau kehadiran siswa":
        "Parents take turns to accompany school activities and follow pupils' attendance",
    "Gerakan orang tua mengantar anak ke sekolah dan mendukung Wajib Belajar 13 Tahun":
        "Parents take their children to school and support 13 years of compulsory learning",
    "Penerapan sekolah ramah anak dengan tim SRA, kantin sehat dan pengaduan perundungan":
        "Child-friendly school with a school team, healthy canteen and bullying reports",
    "Pembentukan agen anti perundungan dan konselor sebaya di sekolah":
        "Anti-bullying agents and peer counsellors at school",
    "Penataan taman lingkungan dengan lima jenis permainan anak sesuai standar RBRA":
        "Neighbourhood park laid out with five kinds of play equipment to playground standards",
    "Lahan fasilitas umum perumahan yang disiapkan menjadi ruang bermain ramah anak":
        "Housing estate public land being prepared as a child-friendly play space",
    "Aktivis perlindungan anak terpadu berbasis masyarakat yang memantau dan merujuk kasus kekerasan":
        "Community child protection activists who watch for and refer cases of violence",
    "Sanggar tari, musik dan kriya untuk anak setiap akhir pekan":
        "Dance, music and craft studio for children at weekends",
    "Kesepakatan warga RT tentang lingkungan bebas asap rokok dengan papan larangan merokok":
        "Residents' agreement on a smoke-free neighbourhood, with no-smoking signs",
    "Pengawasan larangan merokok dan iklan rokok di sekitar sekolah":
        "Enforcing the smoking and tobacco advertising ban around schools",
    "Penghidupan kembali Kawasan Sehat Tanpa Rokok di ruang publik tempat anak bermain":
        "Reviving the smoke-free zone in public spaces where children play",
    "Pos pengaduan di kantor kelurahan yang merujuk kasus ke UPTD PPA":
        "Reporting point at the kelurahan office that refers cases to UPTD PPA",
    "Tempat penitipan anak bagi orang tua pekerja yang menyiapkan standardisasi TARA":
        "Daycare for working parents preparing for child-friendly daycare standards",
    "Ruang ramah anak di masjid dengan pojok baca dan area bermain":
        "Child-friendly room at the mosque with a reading corner and play area",
    "Ruang ramah anak di gereja untuk kegiatan sekolah minggu dan bermain":
        "Child-friendly room at the church for Sunday school and play",
    "Penjajakan rumah ibadah ramah anak bersama pengurus pura":
        "Exploring a child-friendly place of worship with the temple board",
    "Penjajakan rumah ibadah ramah anak bersama pengurus vihara":
        "Exploring a child-friendly place of worship with the Buddhist temple board",
    "Penerapan pelayanan ramah anak di puskesmas: ruang tunggu anak, pojok laktasi dan layanan remaja":
        "Child-friendly services at the health centre: children's waiting room, nursing corner, youth services",
    "Pojok informasi sahabat anak dengan bacaan layak anak di kantor kelurahan":
        "Children's information corner with suitable reading at the kelurahan office",
    "Penataan rambu, penyeberangan dan pengawasan jam sekolah untuk keselamatan anak":
        "Signs, crossings and school-time supervision for children's safety",
    "Kelas pengasuhan bagi orang tua tentang disiplin positif dan keamanan digital":
        "Parenting classes on positive discipline and online safety",
    "Konseling dan edukasi bersama remaja untuk menunda usia perkawinan":
        "Counselling and education with teenagers to delay marriage",
    "Siaran radio mingguan yang diisi anggota Forum Anak tentang hak anak":
        "Weekly radio programme by Children's Forum members on children's rights",
    # why an initiative stopped
    "Kegiatan terhenti setelah dukungan dana berakhir": "Stopped when the funding ended",
    "Kegiatan terhenti karena pengurus pindah dan belum ada pengganti":
        "Stopped because the organisers moved away and no one has taken over",
    "Kegiatan terhenti karena relawan tidak lagi aktif": "Stopped because the volunteers are no longer active",
    "Kegiatan terhenti sementara menunggu anggaran kelurahan": "Paused while waiting for the kelurahan budget",
    "Pembangunan terhenti karena lahan dipakai untuk saluran drainase":
        "Building stopped because the land was used for a drain",
    "Pembangunan terhenti setelah dana CSR berakhir": "Building stopped when the CSR funding ended",
    "Layanan terhenti setelah petugas terlatih dimutasi dan belum ada pengganti":
        "Service stopped after the trained staff were transferred and not replaced",
    "Layanan terhenti karena anggaran tidak tersedia pada tahun berjalan":
        "Service stopped because there is no budget this year",
    # Forum Anak in every kelurahan
    "Wadah partisipasi anak tingkat kelurahan dengan pertemuan rutin dan keterlibatan dalam Musrenbang":
        "Children's participation at kelurahan level, with regular meetings and a voice in development planning",
}
LOCATION_NOTE = " (kelurahan location illustrative)"
