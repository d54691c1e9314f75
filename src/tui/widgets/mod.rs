//! Pieces the screens are drawn with: the footer, the colours, wrapping,
//! the option rows, the date field, the steps list and the step view.

pub(crate) mod date_field;
pub(crate) mod footer;
pub(crate) mod option_rows;
pub(crate) mod step_view;
pub(crate) mod steps_list;
pub mod theme;
pub(crate) mod wrap;
