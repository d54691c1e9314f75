//! The worksheet: what participants of a workshop fill in on paper.

use super::Lang;

impl Lang {
    /// Under the title: what the sheet is, and which grid it comes from.
    pub fn worksheet_line(self, id: &str, version: &str) -> String {
        self.pick(
            format!("Feuille de réponses — grille {id}, version {version}"),
            format!("Worksheet — grid {id}, version {version}"),
        )
    }

    /// How to fill the sheet in, said once at its top.
    pub fn worksheet_how(self) -> &'static str {
        self.pick(
            "( ) : une seule réponse ; [ ] : autant de réponses que vous voulez. Écrivez sur les lignes, passez ce qui ne s'applique pas. Aucun nom : des initiales ou des pseudonymes.",
            "( ): one answer; [ ]: as many answers as apply. Write on the lines, skip what does not apply. No names: initials or pseudonyms.",
        )
    }

    /// Where the sheet lists the grid's references by their label.
    pub fn worksheet_references(self, id: &str) -> String {
        self.pick(
            format!("Textes cités par la grille (le document de la grille les donne en entier : discern grid show {id}) :"),
            format!("Texts the grid cites (the grid's handout gives them whole: discern grid show {id}):"),
        )
    }

    /// The entry of an "other" option, with room to write.
    pub fn worksheet_other(self) -> String {
        format!("{} ……………………………………", self.other_label())
    }
}
