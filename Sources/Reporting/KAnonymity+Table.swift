import Privacy

extension Table {
    /// k-anonymity of the quasi-identifiers, one row per wave: the equivalence classes, the smallest
    /// (the k the data achieve) and the respondents in classes below the study's k.
    static func kAnonymity(_ waves: [PrivacyReport.WaveKAnonymity]) -> Table {
        let columns: [Table.Column] = [
            .init("Data file", key: "file", alignment: .left),
            .init("Quasi-identifiers", key: "quasi_identifiers", alignment: .left),
            .init("k", key: "k"),
            .init("Respondents", key: "respondents"),
            .init("Classes", key: "classes"),
            .init("Smallest class", key: "smallest_class"),
            .init("Classes below k", key: "classes_below_k"),
            .init("Respondents below k", key: "respondents_below_k"),
            .init("% below k", key: "percent_below_k"),
        ]
        let rows: [[Cell]] = waves.map { wave in
            let r = wave.result
            return [.text(wave.file), .text(r.quasiIdentifiers.joined(separator: ", ")), .integer(r.k), .integer(r.respondents),
                    .integer(r.classes), r.smallestClass.map(Cell.integer) ?? .empty, .integer(r.classesBelowK), .integer(r.respondentsBelowK),
                    .percent(r.respondents > 0 ? 100 * Double(r.respondentsBelowK) / Double(r.respondents) : nil)]
        }
        return Table(id: "k_anonymity", title: "k-Anonymity of the Quasi-Identifiers", columns: columns, rows: rows,
                     notes: ["An equivalence class is the respondents who share a value of every quasi-identifier (a missing cell counts as a value). The data are k-anonymous for every k up to the smallest class (Sweeney, 2002)."])
    }
}
