//! The language of the interface: a setting every layer may carry. Its
//! words live in `text`, as methods on `Lang`.

/// The language of the interface.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
    #[default]
    En,
}

impl Lang {
    /// `--lang` first, then the config file, then the locale variables in
    /// POSIX order (LC_ALL, LC_MESSAGES, LANG): `fr…` gives French, anything
    /// else English; without them, what the system says.
    pub fn detect(flag: Option<Lang>, config: Option<Lang>) -> Lang {
        flag.or(config).unwrap_or_else(|| {
            let var = ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .filter_map(|v| std::env::var(v).ok())
                .find(|v| !v.is_empty());
            match var {
                Some(locale) => Lang::from_locale(&locale),
                None => Lang::from_system(),
            }
        })
    }

    /// Without locale variables: on Windows, which has none, French when
    /// Windows speaks French to the user (its interface or its regional
    /// format); English otherwise.
    fn from_system() -> Lang {
        #[cfg(windows)]
        if discern_os::locale::user_languages().iter().any(|l| Lang::from_locale(l) == Lang::Fr) {
            return Lang::Fr;
        }
        Lang::En
    }

    pub fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("fr") { Lang::Fr } else { Lang::En }
    }

    /// The language tag grids use.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    pub(crate) fn pick<T>(self, fr: T, en: T) -> T {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }

    /// Quotes a piece of user or grid text the way each language does.
    pub fn quote(self, s: &str) -> String {
        self.pick(format!("« {s} »"), format!("“{s}”"))
    }
}
