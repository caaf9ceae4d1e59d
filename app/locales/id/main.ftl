# Pasar Purna — Bahasa Indonesia (bahasa utama). Every key here must also be in ../en/main.ftl.

## Tata letak
layout-skip-to-content = Langsung ke isi halaman
layout-nav-label = Menu utama
layout-account = Masuk
layout-language = Pilih bahasa

## Pencarian
search-label = Cari produk atau pelapak
search-placeholder = Cari tenun, se'i, kopi…
search-submit = Cari
search-clear = Hapus pencarian
search-title = Cari produk
search-results-for = Hasil pencarian untuk “{ $query }”
search-description = Cari produk usaha purna PMI Kota Kupang: kuliner, tenun, kerajinan, kopi dan hasil bumi, langsung dari pelapaknya.
search-empty = Belum ada produk yang terdaftar. Pelapak purna PMI sedang menyiapkan lapak mereka — kembali lagi segera.

## Kaki halaman
footer-tagline = pasar daring usaha purna pekerja migran Indonesia di Kota Kupang
footer-operator = Dikelola oleh Pemerintah Kota Kupang bersama pelaku UMKM purna PMI.
footer-time-note = Semua waktu dalam WITA (UTC+8).

## Beranda
home-title = Pasar Purna — produk usaha purna PMI Kota Kupang
home-description = Belanja produk UMKM purna pekerja migran Kota Kupang: tenun ikat, se'i, kopi, madu hutan dan lainnya. Temukan pelapak di booth kontainer dan pasar SABOAK.
home-hero-title = Karya purna PMI Kota Kupang
home-hero-lead = Mereka pulang membawa pengalaman dan membuka usaha. Temukan produk mereka, kunjungi lapaknya di SABOAK setiap akhir pekan, dan hubungi langsung lewat WhatsApp.
home-browse = Lihat produk
home-become-vendor = Daftar jadi pelapak
home-wilayah-title = Pelapak dari seluruh Kota Kupang
home-wilayah-lead = Enam kecamatan, lima puluh satu kelurahan.
home-kelurahan-count = { $count } kelurahan
home-saboak-open = SABOAK buka akhir pekan ini
home-saboak-next = SABOAK berikutnya
home-saboak-place = Sunday Market Buat Orang Kupang di Taman Nostalgia, Sabtu dan Minggu.

## Akun
account-title = Akun
account-coming = Pendaftaran akun dan pengajuan pelapak segera dibuka di sini. Sementara itu, pelapak dapat menghubungi kantor Dinas yang mengelola pasar.

## Galat
error-unavailable-title = Layanan sedang terganggu
error-unavailable-body = Kami tidak dapat memuat data saat ini. Data Anda aman; silakan coba lagi beberapa saat lagi.
error-not-found-title = Halaman tidak ditemukan
error-not-found-body = Alamat ini tidak ada atau sudah dipindahkan. Periksa tautannya, atau mulai dari beranda.
error-internal-title = Terjadi kesalahan
error-internal-body = Ada yang tidak beres di pihak kami dan sudah dicatat. Silakan coba lagi.
error-unknown-language = Bahasa itu tidak tersedia. Pilih Bahasa Indonesia atau English.
error-back-home = Kembali ke beranda
error-cross-site-title = Permintaan ditolak
error-cross-site-body = Formulir ini tidak dikirim dari Pasar Purna, jadi tidak kami proses demi keamanan akun Anda. Buka Pasar Purna langsung lalu coba lagi.
