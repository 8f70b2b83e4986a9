extension Regression {
    /// The columns of a model's design matrix, from its specification alone: the intercept (if
    /// any), one column per numeric term and one dummy per non-reference level of a factor, in term
    /// order, with their names and the columns of each term.
    struct Design {
        /// Column names: `(Intercept)`, numeric names, `G[level]`.
        let names: [String]
        /// Non-intercept terms and their column indices.
        let termColumns: [(term: String, columns: [Int])]
        let hasIntercept: Bool
        let responseName: String
        /// Per term, the columns its values go to.
        let terms: [Columns]

        enum Columns {
            /// A numeric term's column.
            case numeric(name: String, column: Int)
            /// A factor's dummy column per level, −1 for the reference level.
            case categorical(name: String, levels: [String], columnOfLevel: [Int])
        }

        /// p, the number of columns.
        var columnCount: Int { names.count }

        /// - Throws: ``RegressionError/emptyModel``, ``RegressionError/responseAmongPredictors(response:)``,
        ///   ``RegressionError/invalidBlocks(_:)`` (also for a repeated term name),
        ///   ``RegressionError/invalidFactor(term:levelCount:reference:)``.
        init(_ model: LinearModel) throws {
            guard model.intercept || !model.terms.isEmpty else { throw RegressionError.emptyModel }
            var seen = Set<String>()
            for term in model.terms where !seen.insert(term.name).inserted {
                throw RegressionError.invalidBlocks("term name \(term.name) appears twice")
            }
            if model.terms.contains(where: { $0.name == model.responseName }) {
                throw RegressionError.responseAmongPredictors(response: model.responseName)
            }
            try Self.validateBlocks(model)
            var names = model.intercept ? [LinearModel.interceptName] : []
            var termColumns: [(String, [Int])] = []
            var terms: [Columns] = []
            for term in model.terms {
                switch term {
                case let .numeric(name, _):
                    terms.append(.numeric(name: name, column: names.count))
                    termColumns.append((name, [names.count]))
                    names.append(name)
                case let .categorical(name, _, levels, reference):
                    guard levels.count >= 2, (0..<levels.count).contains(reference) else {
                        throw RegressionError.invalidFactor(term: name, levelCount: levels.count, reference: reference)
                    }
                    var columnOfLevel: [Int] = []
                    for level in levels.indices {
                        guard level != reference else { columnOfLevel.append(-1); continue }
                        columnOfLevel.append(names.count)
                        names.append("\(name)[\(levels[level])]")
                    }
                    terms.append(.categorical(name: name, levels: levels, columnOfLevel: columnOfLevel))
                    termColumns.append((name, columnOfLevel.filter { $0 >= 0 }))
                }
            }
            self.names = names
            self.termColumns = termColumns
            self.hasIntercept = model.intercept
            responseName = model.responseName
            self.terms = terms
        }

        /// The intercept (if any) and the columns of the given terms, ascending.
        func columns(forTerms terms: Set<String>) -> [Int] {
            (hasIntercept ? [0] : []) + termColumns.filter { terms.contains($0.term) }.flatMap(\.columns).sorted()
        }

        static func validateBlocks(_ model: LinearModel) throws {
            guard !model.blocks.isEmpty else { return }
            let names = model.terms.map(\.name)
            var count: [String: Int] = [:]
            for name in model.blocks.joined() {
                guard names.contains(name) else {
                    throw RegressionError.invalidBlocks("block term \(name) is not a term of the model")
                }
                count[name, default: 0] += 1
            }
            for name in names where count[name, default: 0] != 1 {
                throw RegressionError.invalidBlocks("term \(name) is in \(count[name, default: 0]) blocks, expected exactly 1")
            }
            if let empty = model.blocks.firstIndex(where: \.isEmpty) {
                throw RegressionError.invalidBlocks("block \(empty + 1) is empty")
            }
        }
    }
}
