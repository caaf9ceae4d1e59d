//! HTTP-level tests of the real router, in-process. One test binary (faster to link than one
//! per file); each test gets its own database.

mod access;
mod accounts;
mod admin_accounts;
mod applications;
mod audit;
mod catalogue;
mod directory;
mod email_reset;
mod fake_smtp;
mod hardening;
mod logs;
mod media;
mod notices;
mod pages;
mod personal_data;
mod photos;
mod platform;
mod recovery;
mod review;
mod security;
mod sessions;
mod shop;
mod shop_photo;
mod support;
mod vendor_records;
