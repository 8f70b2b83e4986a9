/// Text from an input file as shown inside an error message: at most `limit` characters, then "…",
/// so that a huge value never floods the terminal.
func messageText(_ text: some StringProtocol, limit: Int = 80) -> String {
    var shown = ""
    for (count, character) in text.enumerated() {
        if count == limit { return shown + "…" }
        shown.append(character)
    }
    return shown
}
