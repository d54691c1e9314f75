//! Who runs the program.

/// The effective user id of this process: the owner its files get, to which
/// the owner of a folder is compared.
pub fn effective_user_id() -> u32 {
    // SAFETY: geteuid takes nothing, touches no memory and cannot fail.
    unsafe { libc::geteuid() }
}
