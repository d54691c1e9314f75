//! Reading a JSON file from someone else piece by piece. A `serde_json::Value`
//! of the whole file costs some twenty times its size when it holds many
//! small values (a 60 MB file took 1 GB); here the file is checked once, then
//! each object yields only the keys asked for, as slices of the text, and
//! each array its elements one at a time, so that nothing is held but what
//! the caller keeps.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

/// A JSON value not read yet: its slice of the file's text.
pub type Raw<'a> = &'a RawValue;

/// The whole text as one value, once its syntax is checked (nothing of it is
/// kept but the slice).
pub fn whole(text: &str) -> Result<Raw<'_>, serde_json::Error> {
    serde_json::from_str(text)
}

/// `raw` read as a `T`; `None` when it is not one.
pub fn read<'a, T: Deserialize<'a>>(raw: Raw<'a>) -> Option<T> {
    serde_json::from_str(raw.get()).ok()
}

/// Whether `raw` is `null`.
pub fn is_null(raw: Raw<'_>) -> bool {
    raw.get() == "null"
}

/// The values of the keys `names` in the object `raw`, unread (`None` for a
/// key it lacks; the last of a key written twice). Every other key is
/// skipped without being kept. `None` when `raw` is not an object.
pub fn fields<'a, const N: usize>(raw: Raw<'a>, names: [&str; N]) -> Option<[Option<Raw<'a>>; N]> {
    let mut de = serde_json::Deserializer::from_str(raw.get());
    de.deserialize_map(Fields { names: &names }).ok()
}

/// Calls `each` on the elements of the array `raw`, one at a time: a long
/// array is never held whole. `Err(None)` when `raw` is not an array,
/// `Err(Some(e))` when `each` stopped with `e`.
pub fn each<'a, E>(raw: Raw<'a>, mut each: impl FnMut(Raw<'a>) -> Result<(), E>) -> Result<(), Option<E>> {
    let mut stopped = None;
    let mut de = serde_json::Deserializer::from_str(raw.get());
    let result = de.deserialize_seq(Elements { each: &mut each, stopped: &mut stopped });
    match (result, stopped) {
        (_, Some(e)) => Err(Some(e)),
        (Ok(()), None) => Ok(()),
        (Err(_), None) => Err(None),
    }
}

struct Fields<'n, const N: usize> {
    names: &'n [&'n str; N],
}

impl<'de, const N: usize> Visitor<'de> for Fields<'_, N> {
    type Value = [Option<Raw<'de>>; N];

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut found = [None; N];
        while let Some(key) = map.next_key_seed(Key { names: self.names })? {
            match key {
                Some(i) => found[i] = Some(map.next_value::<Raw<'de>>()?),
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(found)
    }
}

/// A key of an object, as its place among the names asked for: compared
/// where it lies in the text, never copied.
struct Key<'n> {
    names: &'n [&'n str],
}

impl<'de> DeserializeSeed<'de> for Key<'_> {
    type Value = Option<usize>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key<'_> {
    type Value = Option<usize>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Self::Value, E> {
        Ok(self.names.iter().position(|n| *n == key))
    }
}

struct Elements<'f, F, E> {
    each: &'f mut F,
    stopped: &'f mut Option<E>,
}

impl<'de, F, E> Visitor<'de> for Elements<'_, F, E>
where
    F: FnMut(Raw<'de>) -> Result<(), E>,
{
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(element) = seq.next_element::<Raw<'de>>()? {
            if let Err(e) = (self.each)(element) {
                *self.stopped = Some(e);
                return Err(de::Error::custom("stopped"));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_object_yields_the_keys_asked_for_and_skips_the_others() {
        let raw = whole(r#"{"b": [1, {"x": 2}], "a": "one", "c\u0061": 3, "a": "two"}"#).unwrap();
        let [a, b, ca, d] = fields(raw, ["a", "b", "ca", "d"]).unwrap();
        assert_eq!(read::<String>(a.unwrap()).as_deref(), Some("two"), "the last of a repeated key");
        assert_eq!(b.unwrap().get(), r#"[1, {"x": 2}]"#);
        assert_eq!(read::<i64>(ca.unwrap()), Some(3), "an escaped key is still found");
        assert!(d.is_none());
        assert!(fields(whole("[1]").unwrap(), ["a"]).is_none(), "an array is no object");
    }

    #[test]
    fn an_array_is_read_element_by_element_and_can_be_stopped() {
        let raw = whole("[1, 2, 3, 4]").unwrap();
        let mut seen = Vec::new();
        let result = each(raw, |e| {
            seen.push(read::<i64>(e).unwrap());
            if seen.len() == 2 { Err("enough") } else { Ok(()) }
        });
        assert_eq!(result, Err(Some("enough")));
        assert_eq!(seen, [1, 2]);
        assert_eq!(each(whole("{}").unwrap(), |_| Ok::<(), ()>(())), Err(None));
    }
}
