# Pasar Purna — Bahasa Indonesia (bahasa utama). Every key here must also be in ../en/main.ftl.

## Tata letak
layout-skip-to-content = Langsung ke isi halaman
layout-nav-label = Menu utama
layout-account = Masuk
layout-my-account = Akun
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
account-title = Akun saya
account-login = Nomor HP atau email
account-role = Peran
account-notice-registered = Akun Anda sudah dibuat dan Anda sudah masuk.
account-notice-password-changed = Kata sandi sudah diganti. Perangkat lain yang memakai akun ini sudah dikeluarkan.
account-password-title = Ganti kata sandi
account-password-lead = Setelah diganti, semua perangkat lain yang memakai akun ini akan keluar.
account-current-password = Kata sandi sekarang
account-password-submit = Simpan kata sandi baru
account-sessions-title = Perangkat yang sedang masuk
account-session-current = Perangkat ini
account-session-seen = Terakhir aktif { $when }
account-device-unknown = Perangkat tidak dikenal
account-logout-everywhere-lead = Ada perangkat yang tidak Anda kenali, atau HP Anda hilang? Keluarkan semua perangkat sekaligus.
account-logout-everywhere = Keluar dari semua perangkat

## Masuk dan daftar
auth-login-title = Masuk
auth-login-label = Nomor HP atau email
auth-login-hint = Contoh: 0812-3456-7890 atau nama@contoh.id
auth-password-label = Kata sandi
auth-new-password-label = Kata sandi baru
auth-password-hint = { $min } sampai { $max } karakter. Hindari kata sandi yang mudah ditebak seperti 12345678.
auth-login-submit = Masuk
auth-login-link = Masuk di sini
auth-forgot-link = Lupa kata sandi?
auth-no-account = Belum punya akun?
auth-register-link = Daftar sekarang
auth-register-title = Daftar akun
auth-register-lead = Cukup nomor HP (atau email) dan kata sandi. Setelah punya akun, Anda bisa mengajukan diri sebagai pelapak.
auth-register-submit = Buat akun
auth-have-account = Sudah punya akun?
auth-logout = Keluar
auth-notice-logged-out = Anda sudah keluar.
auth-notice-logged-out-everywhere = Anda sudah keluar dari semua perangkat.
auth-notice-password-reset = Kata sandi baru sudah disimpan. Silakan masuk dengan kata sandi itu.
auth-forgot-title = Lupa kata sandi
auth-forgot-office = Datanglah ke kantor Dinas pengelola pasar. Petugas akan memberi Anda tautan sekali pakai (berlaku 24 jam) untuk membuat kata sandi baru.
auth-forgot-bring = Bawa HP dengan nomor yang Anda daftarkan, supaya petugas dapat memastikan akun itu milik Anda.
auth-forgot-email-lead = Akun Anda memakai email? Kami kirimkan tautan untuk membuat kata sandi baru.
auth-forgot-email-label = Alamat email akun Anda
auth-forgot-email-submit = Kirim tautan
auth-forgot-or-office = Akun Anda memakai nomor HP?
auth-notice-reset-mailed = Jika ada akun dengan email itu, tautan sudah kami kirim. Periksa kotak masuk (dan folder spam) dalam beberapa menit; tautan berlaku 24 jam.
auth-error-email-reset-off = Pengiriman tautan lewat email belum tersedia. Silakan datang ke kantor Dinas.
mail-reset-subject = Pasar Purna: buat kata sandi baru
mail-reset-body = Seseorang (semoga Anda) meminta tautan untuk membuat kata sandi baru di Pasar Purna. Buka tautan ini dalam 24 jam; tautan hanya bisa dipakai sekali:
mail-reset-footer = Jika Anda tidak memintanya, abaikan email ini: kata sandi Anda tidak berubah.
auth-reset-title = Buat kata sandi baru
auth-reset-lead = Tautan ini hanya bisa dipakai sekali. Setelah kata sandi baru disimpan, semua perangkat yang masuk dengan akun ini akan keluar.
auth-reset-submit = Simpan kata sandi
auth-error-login-empty = Isi nomor HP atau email Anda.
auth-error-email-invalid = Alamat email ini tidak lengkap. Contoh: nama@contoh.id
auth-error-phone-not-mobile = Ini bukan nomor HP Indonesia. Nomor HP diawali 08, 628 atau +628.
auth-error-phone-length = Jumlah angka nomor HP tidak pas. Nomor HP Indonesia memiliki 10 sampai 13 angka, contoh 0812-3456-7890.
auth-error-phone-characters = Nomor HP hanya boleh berisi angka (spasi, tanda hubung dan + boleh).
auth-error-login-long = Isian ini terlalu panjang untuk nomor HP atau email.
auth-error-login-taken = Nomor atau email ini sudah terdaftar. Silakan masuk, atau pakai nomor lain.
auth-error-password-short = Kata sandi terlalu pendek: paling sedikit 8 karakter.
auth-error-password-long = Kata sandi terlalu panjang: paling banyak 128 karakter.
auth-error-password-common = Kata sandi ini terlalu umum dan mudah ditebak. Pilih yang lain, misalnya gabungan beberapa kata.
auth-error-credentials = Nomor HP/email atau kata sandi salah.
auth-error-throttled = Terlalu banyak percobaan masuk. Coba lagi dalam { $minutes } menit.
auth-error-current-password = Kata sandi sekarang salah.
auth-error-reset-link = Tautan ini sudah tidak berlaku: sudah dipakai, dicabut, atau lewat 24 jam. Mintalah tautan baru ke kantor Dinas.

## Formulir
form-fix-fields = Ada isian yang perlu diperbaiki. Lihat pesan di bawah setiap kolom.
form-error-unavailable = Kami tidak dapat menyimpan saat ini. Isian Anda tidak hilang; silakan coba lagi sebentar lagi.

## Peran
role-shopper = Pembeli
role-admin = Admin
role-super-admin = Super-admin

## Admin
admin-users-title = Kelola pengguna
admin-users-search = Cari nomor HP atau email
admin-users-all-roles = Semua peran
admin-users-found = { $count } akun
admin-users-registered = terdaftar { $date }
admin-users-pages = Halaman daftar akun
admin-users-previous = ← Sebelumnya
admin-users-next = Berikutnya →
admin-users-back = ← Kembali ke daftar pengguna
admin-user-title = Akun pengguna
admin-not-allowed = Anda tidak dapat mengubah akun ini: hanya peran yang lebih tinggi yang boleh.
admin-reset-title = Tautan atur ulang kata sandi
admin-reset-lead = Untuk pengguna yang datang ke kantor dan lupa kata sandinya. Tautan berlaku 24 jam dan hanya sekali pakai; tautan lama otomatis dicabut.
admin-reset-issue = Buat tautan baru
admin-reset-issued = Tautan dibuat. Berikan langsung kepada pengguna; tautan ini tidak akan ditampilkan lagi.
admin-reset-issued-hint = Salin atau tunjukkan tautan di atas. Jangan kirim ke nomor lain selain milik pengguna.
admin-reset-pending = Ada tautan yang belum dipakai, berlaku sampai { $until }.
admin-reset-revoke = Cabut tautan
admin-role-title = Peran
admin-role-promote = Jadikan admin
admin-role-demote = Jadikan pembeli (cabut admin)
admin-role-reason = Alasan (dicatat di log audit)
admin-role-invalid = Peran itu tidak dapat diberikan di sini.
admin-role-reason-long = Alasan terlalu panjang: paling banyak 200 karakter.

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
error-unauthorized-title = Silakan masuk dulu
error-unauthorized-body = Halaman ini hanya untuk pengguna yang sudah masuk.
error-forbidden-title = Tidak diizinkan
error-forbidden-body = Akun Anda tidak memiliki akses ke halaman ini. Jika menurut Anda ini keliru, hubungi kantor Dinas.
