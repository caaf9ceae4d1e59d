//! `/admin/audit`: the audit log, browsed and filtered by who, what and when, with why.

pub mod api;
mod page;

pub use page::AuditLogPage;
