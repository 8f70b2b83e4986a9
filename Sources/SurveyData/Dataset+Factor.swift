extension Dataset {
    /// The column as a factor: a categorical column as it is; a numeric or Likert column (e.g. groups
    /// coded 1, 2, 3) with one level per distinct value, in ascending order, named as written.
    public func factor(_ name: String) throws -> CategoricalValues {
        let column = try requireColumn(name)
        switch column.values {
        case .categorical(let values):
            return values
        case .likert, .numeric:
            let numbers = column.numericValues ?? []
            let distinct = Set(numbers.filter { !$0.isNaN }).sorted()
            let index = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, Int32($0)) })
            let levels = distinct.map { value -> Level in
                let text = MissingCode.format(value)
                return Level(value: text, label: text)
            }
            return CategoricalValues(codes: numbers.map { $0.isNaN ? CategoricalValues.missing : index[$0]! }, levels: levels)
        case .text:
            throw DataError(file: file, column: column.position, columnName: name,
                            kind: .notNumeric(value: name, expected: "a categorical or numeric column to use as a factor, not a text column"))
        }
    }
}
