//! Pieces the screens are drawn with: the footer, the colours, wrapping,
//! the option rows, the date field, the steps list and the step view.

pub(crate) mod footer;
pub(crate) mod marks;
pub(crate) mod scrub;
pub(crate) mod wrap;
