//! The languages Windows speaks to its user, for a program that is not told
//! one: Windows has no `LANG`.

use windows_sys::Win32::Globalization::{
    GetUserDefaultLocaleName, GetUserDefaultUILanguage, LCIDToLocaleName,
};

/// LOCALE_NAME_MAX_LENGTH, the terminating zero included.
const NAME_MAX: usize = 85;

/// The locale names (`fr-FR`, `en-GB`) of the user's interface language
/// and of their regional format, in that order; those Windows cannot name
/// are left out.
pub fn user_languages() -> Vec<String> {
    [interface_language(), regional_format()].into_iter().flatten().collect()
}

fn interface_language() -> Option<String> {
    // SAFETY: no arguments; it returns a language id and cannot fail.
    let id = unsafe { GetUserDefaultUILanguage() };
    let mut name = [0u16; NAME_MAX];
    // SAFETY: `name` is valid for writes of `name.len()` UTF-16 units, the
    // length given; the call writes at most that many, its terminating zero
    // included, and returns how many (0 on failure).
    let written = unsafe { LCIDToLocaleName(u32::from(id), name.as_mut_ptr(), NAME_MAX as i32, 0) };
    from_utf16(&name, written)
}

fn regional_format() -> Option<String> {
    let mut name = [0u16; NAME_MAX];
    // SAFETY: as above: `name` holds `NAME_MAX` units, the length given.
    let written = unsafe { GetUserDefaultLocaleName(name.as_mut_ptr(), NAME_MAX as i32) };
    from_utf16(&name, written)
}

/// The name a call wrote (`written` units, its terminating zero included).
fn from_utf16(name: &[u16], written: i32) -> Option<String> {
    let written = usize::try_from(written).ok().filter(|&n| n > 1 && n <= name.len())?;
    String::from_utf16(&name[..written - 1]).ok()
}
