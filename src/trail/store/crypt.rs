//! Encryption at rest, in the standard age format (age-encryption.org/v1),
//! so that the age tools read every file with the identity.
//!
//! `discern encrypt` makes an X25519 identity, keeps it in `key.age`
//! encrypted with the user's passphrase (age's scrypt recipient), and its
//! public key in `key.pub`. Saving encrypts to the public key, so it never
//! needs the passphrase; reading needs the identity, unlocked once per run
//! and kept in memory only.
//!
//! Whether a file is encrypted is read from its first bytes, not its name:
//! `encrypt` first puts the ciphertext in place of `X.toml` by a rename, then
//! renames it to `X.age`, so a kill at any point leaves one whole file,
//! plaintext or encrypted, never two and never none.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::{Mutex, PoisonError};

use age::secrecy::{ExposeSecret, SecretString};

/// The identity file, encrypted with the passphrase.
pub const KEY_FILE: &str = "key.age";
/// The public key: its presence turns encryption on for the data folder.
pub const PUBLIC_KEY_FILE: &str = "key.pub";
/// The first bytes of every age file.
pub const MAGIC: &[u8] = b"age-encryption.org/v1\n";

/// scrypt's work factor for the passphrase (N = 2^17, r = 8, p = 1): 1.0 s
/// to unlock on this project's 2-core machine while it was loaded by six
/// builds (0.26 s for 2^15, 0.50 s for 2^16, 1.3 s for 2^18), so within the
/// 1.5 s allowed on a busy laptop; 128 MiB of memory for each guess an
/// attacker makes. age's own tools aim at about one second too.
pub const WORK_FACTOR: u8 = 17;
/// The highest work factor accepted when unlocking, so that an identity
/// re-encrypted by the age tools with a stronger factor still opens.
const MAX_WORK_FACTOR: u8 = 22;

/// The identity unlocked in this run, if any: asked once, kept in memory.
static UNLOCKED: Mutex<Option<age::x25519::Identity>> = Mutex::new(None);

#[derive(Debug)]
pub enum UnlockError {
    /// The passphrase does not open the key.
    WrongPassphrase,
    /// The key file is missing, unreadable or not an age identity.
    KeyUnusable(String),
}

#[derive(Debug)]
pub enum DecryptError {
    /// The folder is encrypted and no passphrase was given in this run.
    Locked,
    /// Not encrypted to this folder's key, or damaged.
    Failed(String),
}

pub fn key_path(data_dir: &Path) -> PathBuf {
    data_dir.join(KEY_FILE)
}

pub fn public_key_path(data_dir: &Path) -> PathBuf {
    data_dir.join(PUBLIC_KEY_FILE)
}

/// The public key files are encrypted to, when encryption is on.
pub fn recipient(data_dir: &Path) -> Option<age::x25519::Recipient> {
    let text = std::fs::read_to_string(public_key_path(data_dir)).ok()?;
    age::x25519::Recipient::from_str(text.trim()).ok()
}

pub fn is_encrypted_folder(data_dir: &Path) -> bool {
    public_key_path(data_dir).is_file()
}

pub fn is_encrypted(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

pub fn is_unlocked() -> bool {
    UNLOCKED.lock().unwrap_or_else(PoisonError::into_inner).is_some()
}

/// Opens the key with the passphrase and keeps the identity for this run.
pub fn unlock(data_dir: &Path, passphrase: &str) -> Result<(), UnlockError> {
    let bytes = std::fs::read(key_path(data_dir)).map_err(|e| UnlockError::KeyUnusable(e.to_string()))?;
    let mut scrypt = age::scrypt::Identity::new(SecretString::from(passphrase.to_owned()));
    scrypt.set_max_work_factor(MAX_WORK_FACTOR);
    let decryptor = age::Decryptor::new(&bytes[..]).map_err(|e| UnlockError::KeyUnusable(e.to_string()))?;
    let mut reader = match decryptor.decrypt(std::iter::once(&scrypt as &dyn age::Identity)) {
        Ok(r) => r,
        Err(age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys) => {
            return Err(UnlockError::WrongPassphrase);
        }
        Err(e) => return Err(UnlockError::KeyUnusable(e.to_string())),
    };
    let mut text = String::new();
    reader.read_to_string(&mut text).map_err(|e| UnlockError::KeyUnusable(e.to_string()))?;
    let line = text.lines().find(|l| l.starts_with("AGE-SECRET-KEY-")).unwrap_or("");
    let identity =
        age::x25519::Identity::from_str(line.trim()).map_err(|e| UnlockError::KeyUnusable(e.to_string()))?;
    *UNLOCKED.lock().unwrap_or_else(PoisonError::into_inner) = Some(identity);
    Ok(())
}

/// Forgets the identity (when `decrypt` has turned encryption off).
pub fn forget() {
    *UNLOCKED.lock().unwrap_or_else(PoisonError::into_inner) = None;
}

/// A new identity, and its secret encrypted with the passphrase (the
/// content of `key.age`) with the time-tested work factor.
pub fn new_key(passphrase: &str) -> std::io::Result<(age::x25519::Identity, Vec<u8>)> {
    let identity = age::x25519::Identity::generate();
    let mut scrypt = age::scrypt::Recipient::new(SecretString::from(passphrase.to_owned()));
    scrypt.set_work_factor(WORK_FACTOR);
    let secret = format!(
        "# created by discern: the identity of this data folder\n# public key: {}\n{}\n",
        identity.to_public(),
        identity.to_string().expose_secret()
    );
    let encrypted = encrypt_with(&scrypt, secret.as_bytes())?;
    Ok((identity, encrypted))
}

/// Keeps the identity just made for the rest of this run.
pub fn keep(identity: age::x25519::Identity) {
    *UNLOCKED.lock().unwrap_or_else(PoisonError::into_inner) = Some(identity);
}

pub fn encrypt(recipient: &age::x25519::Recipient, plain: &[u8]) -> std::io::Result<Vec<u8>> {
    encrypt_with(recipient, plain)
}

fn encrypt_with(recipient: &dyn age::Recipient, plain: &[u8]) -> std::io::Result<Vec<u8>> {
    let encryptor = age::Encryptor::with_recipients(std::iter::once(recipient))
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    let mut out = Vec::with_capacity(plain.len() + 256);
    let mut writer = encryptor.wrap_output(&mut out)?;
    writer.write_all(plain)?;
    writer.finish()?;
    Ok(out)
}

/// The plaintext of an age file, with the identity unlocked in this run.
pub fn decrypt(bytes: &[u8]) -> Result<Vec<u8>, DecryptError> {
    let guard = UNLOCKED.lock().unwrap_or_else(PoisonError::into_inner);
    let identity = guard.as_ref().ok_or(DecryptError::Locked)?;
    let failed = |e: &dyn std::fmt::Display| DecryptError::Failed(e.to_string());
    let decryptor = age::Decryptor::new_buffered(bytes).map_err(|e| failed(&e))?;
    let mut reader =
        decryptor.decrypt(std::iter::once(identity as &dyn age::Identity)).map_err(|e| failed(&e))?;
    let mut plain = Vec::new();
    reader.read_to_end(&mut plain).map_err(|e| failed(&e))?;
    Ok(plain)
}

/// The bytes to write for `plain` in the folder: encrypted when it is.
pub fn seal(data_dir: &Path, plain: Vec<u8>) -> std::io::Result<Vec<u8>> {
    match recipient(data_dir) {
        Some(r) => encrypt(&r, &plain),
        None => Ok(plain),
    }
}

/// The plaintext of bytes read from the folder, encrypted or not.
pub fn open(bytes: Vec<u8>) -> Result<Vec<u8>, DecryptError> {
    if is_encrypted(&bytes) { decrypt(&bytes) } else { Ok(bytes) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_sealed_opens_with_the_identity_and_not_without() {
        let identity = age::x25519::Identity::generate();
        let sealed = encrypt(&identity.to_public(), b"title = \"secret\"").unwrap();
        assert!(is_encrypted(&sealed));
        assert!(!sealed.windows(6).any(|w| w == b"secret"));
        let decryptor = age::Decryptor::new(&sealed[..]).unwrap();
        let mut plain = String::new();
        decryptor
            .decrypt(std::iter::once(&identity as &dyn age::Identity))
            .unwrap()
            .read_to_string(&mut plain)
            .unwrap();
        assert_eq!(plain, "title = \"secret\"");
    }
}
