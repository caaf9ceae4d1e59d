//! HTTP-level tests of the real router, in-process. One test binary (faster to link than one
//! per file); each test gets its own database.

mod pages;
mod platform;
mod recovery;
mod security;
mod support;
