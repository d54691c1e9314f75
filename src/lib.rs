//! discern: walk an ethical reading grid about sharing confidential
//! information, and keep a private reasoning trail.
//!
//! The library holds everything; `main.rs` only parses the command line.

// Every `unsafe` call discern needs lives in the small `discern-os` crate.
#![forbid(unsafe_code)]

pub mod cli;
pub mod commands;
pub mod config;
pub mod grid;
pub mod html;
pub mod paths;
pub mod plain;
pub mod privacy;
pub mod text;
pub mod trail;
pub mod tui;
pub mod walk;
