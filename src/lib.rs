//! discern: walk an ethical reading grid about sharing confidential
//! information, and keep a private reasoning trail.
//!
//! The library holds everything; `main.rs` only parses the command line.

// Every `unsafe` call discern needs lives in the small `discern-os` crate.
#![forbid(unsafe_code)]
// `println!` and `eprintln!` panic when the output is closed (`discern …
// | head`, a terminal gone): everything is printed through `say!`, `tell!`
// or a writer whose error is dealt with.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod cli;
pub mod commands;
pub mod config;
pub mod documents;
pub mod failure;
pub mod files;
pub mod grid;
pub mod html;
pub mod lang;
pub mod ops;
pub mod paths;
pub mod plain;
pub mod privacy;
pub mod text;
pub mod trail;
pub mod tui;
pub mod walk;
