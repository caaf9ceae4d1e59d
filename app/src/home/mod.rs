//! The home page: what Pasar Purna is, this weekend's SABOAK market, and the city's areas.

mod api;
mod page;

pub use api::{list_kecamatan, KecamatanCard};
pub use page::HomePage;
