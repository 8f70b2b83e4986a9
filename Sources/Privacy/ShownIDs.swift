/// Identifiers as the outputs show them (transcript names and IDs, participant IDs): with their
/// personal data replaced (``TextRedaction``, with ``RedactionNames``), since an ID is often a
/// file name (`INT01 jane.doe@example.org.txt`) or a name. An ID without personal data is kept; a
/// replaced one that would read as another ID gets `-2`, `-3`, … so that IDs stay distinct.
struct ShownIDs {
    private var shown: [String: String] = [:]

    init(_ ids: [String], names: RedactionNames) {
        var taken = Set<String>(), changed: [(id: String, redacted: String)] = []
        for id in ids where shown[id] == nil {
            let redacted = TextRedaction.redact(id, names: names).text
            shown[id] = redacted
            if redacted == id { taken.insert(id) } else { changed.append((id, redacted)) }
        }
        for (id, redacted) in changed {
            var candidate = redacted, number = 1
            while taken.contains(candidate) {
                number += 1
                candidate = "\(redacted)-\(number)"
            }
            taken.insert(candidate)
            shown[id] = candidate
        }
    }

    subscript(id: String) -> String { shown[id] ?? id }
}
