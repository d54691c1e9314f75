//! Encryption at rest, in the standard age format (age-encryption.org/v1),
//! so that the age tools read every file with the identity.
//!
//! `discern encrypt` makes an X25519 identity, keeps it in `key.age`
//! encrypted with the user's passphrase (age's scrypt recipient), and its
//! public key in `key.pub`. Saving encrypts to the public key, so it never
//! needs the passphrase; reading needs the identity, unlocked once per run
//! and held as a value ([`Key`]) by the context of the operations that read.
//!
//! The keys fail closed: `key.age` is never written over by `encrypt` (only
//! `discern passphrase` replaces it, with the same identity inside); a
//! folder is encrypted as soon as either key file is there, so that a lost
//! `key.pub` never turns saves into plaintext; a save that cannot encrypt
//! writes nothing ([`CannotEncrypt`]); unlocking rebuilds a missing or
//! damaged `key.pub` and refuses one that is another identity's.
//!
//! Whether a file is encrypted is read from its first bytes, not its name:
//! `encrypt` first puts the ciphertext in place of `X.toml` by a rename, then
//! renames it to `X.age`, so a kill at any point leaves one whole file,
//! plaintext or encrypted, never two and never none.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;

use age::secrecy::{ExposeSecret, SecretString};
use zeroize::Zeroizing;

/// The identity file, encrypted with the passphrase.
pub const KEY_FILE: &str = "key.age";
/// The public key saves are encrypted to.
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

/// The folder's identity, unlocked: what reads its files. A value, held by
/// the context of the operations that need it (cloning shares it). The
/// secret is zeroised when the last holder lets it go (age's identity does
/// it on drop), and while one exists the process writes no core dump.
#[derive(Clone)]
pub struct Key(Arc<age::x25519::Identity>);

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(…)")
    }
}

impl Key {
    /// The only way a key comes to be: a crash from here on must not write
    /// the identity to a core file. Forbidding dumps cannot fail on the
    /// systems discern runs on; should it, there is nothing better to do
    /// than go on (refusing to unlock would keep the user from their trails).
    fn new(identity: age::x25519::Identity) -> Key {
        let _ = discern_os::forbid_core_dumps();
        Key(Arc::new(identity))
    }

    /// The public key, to which files for this identity are encrypted.
    pub fn recipient(&self) -> age::x25519::Recipient {
        self.0.to_public()
    }

    /// The plaintext of an age file encrypted to this identity.
    pub fn decrypt(&self, bytes: &[u8]) -> Result<Vec<u8>, String> {
        let decryptor = age::Decryptor::new_buffered(bytes).map_err(|e| e.to_string())?;
        let mut reader = decryptor
            .decrypt(std::iter::once(self.0.as_ref() as &dyn age::Identity))
            .map_err(|e| e.to_string())?;
        let mut plain = Vec::new();
        reader.read_to_end(&mut plain).map_err(|e| e.to_string())?;
        Ok(plain)
    }
}

#[derive(Debug)]
pub enum UnlockError {
    /// The passphrase does not open the key.
    WrongPassphrase,
    /// The key file is missing, unreadable or not an age identity.
    KeyUnusable(String),
    /// `key.pub` is not the public key of `key.age`'s identity (a file
    /// from a copy, a sync conflict): saves would go to a key the user does
    /// not have.
    Mismatch,
}

#[derive(Debug)]
pub enum DecryptError {
    /// The folder is encrypted and no passphrase was given in this run.
    Locked,
    /// Not encrypted to this folder's key, or damaged.
    Failed(String),
}

/// A save in an encrypted folder found no key to encrypt to: it wrote
/// nothing (never plaintext). Carried inside the `io::Error` of the save.
#[derive(Debug, Clone, PartialEq)]
pub enum CannotEncrypt {
    /// `key.pub` is missing or is no public key; it is rebuilt from
    /// `key.age` once the passphrase is given.
    PublicKeyUnusable(PathBuf),
    /// `key.age` is missing: what is encrypted could never be read.
    KeyMissing(PathBuf),
}

impl std::fmt::Display for CannotEncrypt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CannotEncrypt::PublicKeyUnusable(p) => write!(f, "{} is missing or damaged", p.display()),
            CannotEncrypt::KeyMissing(p) => write!(f, "{} is missing", p.display()),
        }
    }
}

impl std::error::Error for CannotEncrypt {}

pub fn key_path(data_dir: &Path) -> PathBuf {
    data_dir.join(KEY_FILE)
}

pub fn public_key_path(data_dir: &Path) -> PathBuf {
    data_dir.join(PUBLIC_KEY_FILE)
}

/// Whether the folder is encrypted: either key file is there. A folder
/// that lost `key.pub` (restored from a backup without it) stays encrypted.
pub fn is_encrypted_folder(data_dir: &Path) -> bool {
    key_path(data_dir).symlink_metadata().is_ok() || public_key_path(data_dir).symlink_metadata().is_ok()
}

pub fn is_encrypted(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

/// The public key in `key.pub`, if it holds one.
fn read_public_key(data_dir: &Path) -> Option<age::x25519::Recipient> {
    let text = std::fs::read_to_string(public_key_path(data_dir)).ok()?;
    let line = text.lines().map(str::trim).find(|l| !l.is_empty() && !l.starts_with('#'))?;
    age::x25519::Recipient::from_str(line).ok()
}

/// What files of the folder are encrypted to: `None` when the folder is not
/// encrypted. The unlocked identity's own public key when there is one
/// (unlocking checked `key.pub` against it), else `key.pub`'s, provided
/// `key.age` is there to read what is encrypted.
pub fn recipient(
    data_dir: &Path,
    key: Option<&Key>,
) -> Result<Option<age::x25519::Recipient>, CannotEncrypt> {
    if !is_encrypted_folder(data_dir) {
        return Ok(None);
    }
    if !key_path(data_dir).is_file() {
        return Err(CannotEncrypt::KeyMissing(key_path(data_dir)));
    }
    if let Some(key) = key {
        return Ok(Some(key.recipient()));
    }
    read_public_key(data_dir)
        .map(Some)
        .ok_or_else(|| CannotEncrypt::PublicKeyUnusable(public_key_path(data_dir)))
}

/// Opens `key.age` with the passphrase. `key.pub` is then checked: rebuilt
/// from the identity when it is missing or damaged, refused when it is
/// another identity's.
pub fn unlock(data_dir: &Path, passphrase: &SecretString) -> Result<Key, UnlockError> {
    let key = open_key_file(data_dir, passphrase)?;
    let public = key.recipient();
    match read_public_key(data_dir) {
        Some(found) if found.to_string() == public.to_string() => Ok(key),
        Some(_) => Err(UnlockError::Mismatch),
        None => {
            write_public_key(data_dir, &public).map_err(|e| UnlockError::KeyUnusable(e.to_string()))?;
            Ok(key)
        }
    }
}

/// The identity inside `key.age`.
fn open_key_file(data_dir: &Path, passphrase: &SecretString) -> Result<Key, UnlockError> {
    let bytes = std::fs::read(key_path(data_dir)).map_err(|e| UnlockError::KeyUnusable(e.to_string()))?;
    let mut scrypt = age::scrypt::Identity::new(passphrase.clone());
    scrypt.set_max_work_factor(MAX_WORK_FACTOR);
    let decryptor = age::Decryptor::new(&bytes[..]).map_err(|e| UnlockError::KeyUnusable(e.to_string()))?;
    let mut reader = match decryptor.decrypt(std::iter::once(&scrypt as &dyn age::Identity)) {
        Ok(r) => r,
        Err(age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys) => {
            return Err(UnlockError::WrongPassphrase);
        }
        Err(e) => return Err(UnlockError::KeyUnusable(e.to_string())),
    };
    // The identity's text is a secret too: zeroised once parsed.
    let mut text = Zeroizing::new(String::with_capacity(512));
    reader.read_to_string(&mut text).map_err(|e| UnlockError::KeyUnusable(e.to_string()))?;
    let line = text.lines().find(|l| l.starts_with("AGE-SECRET-KEY-")).unwrap_or("");
    let identity =
        age::x25519::Identity::from_str(line.trim()).map_err(|e| UnlockError::KeyUnusable(e.to_string()))?;
    Ok(Key::new(identity))
}

/// Writes `key.pub`, atomically.
pub fn write_public_key(data_dir: &Path, public: &age::x25519::Recipient) -> std::io::Result<()> {
    write_key_file(&public_key_path(data_dir), format!("{public}\n").as_bytes())
}

/// A new identity, and its secret encrypted with the passphrase (the
/// content of `key.age`).
pub fn new_key(passphrase: &SecretString) -> std::io::Result<(Key, Vec<u8>)> {
    let key = Key::new(age::x25519::Identity::generate());
    let sealed = seal_key(&key, passphrase)?;
    Ok((key, sealed))
}

/// The content of `key.age` for `key` under `passphrase`, with the
/// time-tested work factor.
pub fn seal_key(key: &Key, passphrase: &SecretString) -> std::io::Result<Vec<u8>> {
    let mut scrypt = age::scrypt::Recipient::new(passphrase.clone());
    scrypt.set_work_factor(WORK_FACTOR);
    // Room for the whole text from the start: growing it would leave
    // copies of the secret behind, which zeroising cannot reach.
    let mut secret = Zeroizing::new(String::with_capacity(512));
    secret.push_str("# created by discern: the identity of this data folder\n# public key: ");
    secret.push_str(&key.recipient().to_string());
    secret.push('\n');
    secret.push_str(key.0.to_string().expose_secret());
    secret.push('\n');
    encrypt_with(&scrypt, secret.as_bytes())
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

/// The plaintext of an age file, with the key if this run has one.
pub fn decrypt(bytes: &[u8], key: Option<&Key>) -> Result<Vec<u8>, DecryptError> {
    key.ok_or(DecryptError::Locked)?.decrypt(bytes).map_err(DecryptError::Failed)
}

/// The bytes to write for `plain` in the folder: encrypted when it is; an
/// error (and nothing to write) when it is but no key can be found.
pub fn seal(data_dir: &Path, key: Option<&Key>, plain: Vec<u8>) -> std::io::Result<Vec<u8>> {
    match recipient(data_dir, key).map_err(std::io::Error::other)? {
        Some(r) => encrypt(&r, &plain),
        None => Ok(plain),
    }
}

/// The plaintext of bytes read from the folder, encrypted or not.
pub fn open(bytes: Vec<u8>, key: Option<&Key>) -> Result<Vec<u8>, DecryptError> {
    if is_encrypted(&bytes) { decrypt(&bytes, key) } else { Ok(bytes) }
}

/// Writes a key file through a temporary file and a rename, synced, 0600:
/// a kill leaves the old file or the new one, never a mix.
pub fn write_key_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    crate::files::Replace::new().named(KEY_TEMP_PREFIX, ".tmp").write(path, bytes)
}

/// The prefix of the temporary files of key writes, so that `encrypt`,
/// `decrypt` and `passphrase` can remove a crash's leftovers.
pub const KEY_TEMP_PREFIX: &str = ".discern-key-";

#[cfg(test)]
mod tests {
    use super::*;

    fn secret(s: &str) -> SecretString {
        SecretString::from(s.to_owned())
    }

    #[test]
    fn what_is_sealed_opens_with_the_identity_and_not_without() {
        let identity = age::x25519::Identity::generate();
        let sealed = encrypt(&identity.to_public(), b"title = \"secret\"").unwrap();
        assert!(is_encrypted(&sealed));
        assert!(!sealed.windows(6).any(|w| w == b"secret"));
        let key = Key::new(identity);
        assert_eq!(key.decrypt(&sealed).unwrap(), b"title = \"secret\"");
        assert!(matches!(decrypt(&sealed, None), Err(DecryptError::Locked)));
    }

    #[test]
    fn a_missing_public_key_is_rebuilt_and_another_identitys_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let (key, sealed) = new_key(&secret("a b c")).unwrap();
        std::fs::write(key_path(dir.path()), sealed).unwrap();
        // No key.pub: the folder is encrypted all the same, and a save
        // without the passphrase has nothing to encrypt to.
        assert!(is_encrypted_folder(dir.path()));
        let refused = seal(dir.path(), None, b"plain".to_vec()).unwrap_err();
        assert!(refused.get_ref().is_some_and(|e| e.is::<CannotEncrypt>()), "{refused}");
        // Unlocking rebuilds it.
        assert!(matches!(unlock(dir.path(), &secret("wrong")), Err(UnlockError::WrongPassphrase)));
        unlock(dir.path(), &secret("a b c")).unwrap();
        assert_eq!(read_public_key(dir.path()).unwrap().to_string(), key.recipient().to_string());
        // A damaged one too.
        std::fs::write(public_key_path(dir.path()), "").unwrap();
        unlock(dir.path(), &secret("a b c")).unwrap();
        assert!(read_public_key(dir.path()).is_some());
        // Another identity's is refused, and left as it is.
        let other = age::x25519::Identity::generate().to_public();
        std::fs::write(public_key_path(dir.path()), format!("{other}\n")).unwrap();
        assert!(matches!(unlock(dir.path(), &secret("a b c")), Err(UnlockError::Mismatch)));
        assert_eq!(read_public_key(dir.path()).unwrap().to_string(), other.to_string());
    }

    #[test]
    fn without_key_age_nothing_is_encrypted() {
        let dir = tempfile::tempdir().unwrap();
        let public = age::x25519::Identity::generate().to_public();
        write_public_key(dir.path(), &public).unwrap();
        let refused = recipient(dir.path(), None).unwrap_err();
        assert_eq!(refused, CannotEncrypt::KeyMissing(key_path(dir.path())));
    }

    #[test]
    fn a_new_passphrase_seals_the_same_identity() {
        let dir = tempfile::tempdir().unwrap();
        let (key, sealed) = new_key(&secret("old")).unwrap();
        std::fs::write(key_path(dir.path()), sealed).unwrap();
        write_public_key(dir.path(), &key.recipient()).unwrap();
        write_key_file(&key_path(dir.path()), &seal_key(&key, &secret("new")).unwrap()).unwrap();
        assert!(matches!(unlock(dir.path(), &secret("old")), Err(UnlockError::WrongPassphrase)));
        let again = unlock(dir.path(), &secret("new")).unwrap();
        assert_eq!(again.recipient().to_string(), key.recipient().to_string());
    }
}
