//! Data Roadmap: the Dat'accélère data-potential path as a client-side web app.

pub mod app;
pub mod browser;
pub mod components;
pub mod export;
pub mod i18n;
pub mod model;
pub mod offline;
pub mod pages;
pub mod routes;
pub mod state;
pub mod storage;
