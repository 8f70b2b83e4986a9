/// A survey wave held column by column: Likert answers as one byte per cell, numbers as doubles,
/// categorical answers as level codes. Missing cells are counted per column by kind.
public struct Dataset: Sendable {
    /// The file the data came from, as given.
    public var file: String
    public var rowCount: Int
    public var columns: [DataColumn] { didSet { indexOfName = NameIndex(columns.map(\.name)) } }
    /// Things worth telling the researcher that are not errors (e.g. a mostly numeric column).
    public var warnings: [String]
    /// Where each column is, so that a lookup by name is O(1) (`describe` of a wide file looks up
    /// every column: 20,000 linear searches were 4 s).
    private var indexOfName: NameIndex

    public init(file: String, rowCount: Int, columns: [DataColumn], warnings: [String] = []) {
        self.file = file
        self.rowCount = rowCount
        self.columns = columns
        self.warnings = warnings
        indexOfName = NameIndex(columns.map(\.name))
    }

    public var columnNames: [String] { columns.map(\.name) }

    public func column(named name: String) -> DataColumn? {
        indexOfName[name].map { columns[$0] }
    }

    /// The column called `name`, or an error listing the columns there are.
    public func requireColumn(_ name: String) throws -> DataColumn {
        guard let column = column(named: name) else {
            throw DataError(file: file, kind: .unknownColumn(name, available: columnNames))
        }
        return column
    }

    /// The column's values as numbers (`nan` = missing). A column read as categorical because some
    /// of its cells are text is an error that names the first such cell; `hint` is added to what
    /// was expected (e.g. how to say that a factor was meant).
    public func numericValues(_ name: String, hint: String? = nil) throws -> [Double] {
        let column = try requireColumn(name)
        if let values = column.numericValues { return values }
        if let cell = column.firstTextCell {
            throw DataError(file: file, line: cell.line, column: column.position, columnName: name,
                            kind: .notNumeric(value: cell.value, expected: "a number in every cell of a column used as numeric"
                                              + (hint.map { "; \($0)" } ?? "")))
        }
        throw DataError(file: file, column: column.position, columnName: name,
                        kind: .notNumericColumn(kind: column.values.kindName))
    }
}

/// One variable's values and how many of them are missing.
public struct DataColumn: Sendable {
    public var name: String
    public var label: String
    /// 1-based position of the column in the file.
    public var position: Int
    public var values: ColumnValues
    public var missing: MissingSummary
    /// For a column inferred as categorical although most cells are numbers: the first cell that is
    /// not a number, so that using it as numeric can say where the problem is.
    public var firstTextCell: (line: Int, value: String)?
    /// A numeric column whose values share leading digits (e.g. 1000000000000.4, …), read exactly as
    /// deviations from a common offset (``CenteredDecimals``); `nil` for every other column.
    public var centered: CenteredDecimals?

    public init(name: String, label: String, position: Int, values: ColumnValues, missing: MissingSummary,
                firstTextCell: (line: Int, value: String)? = nil, centered: CenteredDecimals? = nil) {
        self.name = name
        self.label = label
        self.position = position
        self.values = values
        self.missing = missing
        self.firstTextCell = firstTextCell
        self.centered = centered
    }

    /// Values as doubles with `nan` for missing, for Likert and numeric columns; `nil` otherwise.
    public var numericValues: [Double]? {
        switch values {
        case .likert(let likert): return likert.doubles
        case .numeric(let numbers): return numbers
        case .categorical, .text: return nil
        }
    }
}

/// The storage of a column, by type.
public enum ColumnValues: Sendable {
    case likert(LikertValues)
    case numeric([Double])
    case categorical(CategoricalValues)
    case text([String])

    public var kindName: String {
        switch self {
        case .likert: return "a Likert column"
        case .numeric: return "a numeric column"
        case .categorical: return "a categorical column"
        case .text: return "a text column"
        }
    }

    public var count: Int {
        switch self {
        case .likert(let v): return v.codes.count
        case .numeric(let v): return v.count
        case .categorical(let v): return v.codes.count
        case .text(let v): return v.count
        }
    }
}

/// Likert answers, one byte per cell.
public struct LikertValues: Sendable {
    /// The answer as written (not reverse-keyed), or ``missing``.
    public var codes: [Int8]
    public var scale: LikertScale
    public static let missing = Int8.min

    public init(codes: [Int8], scale: LikertScale) {
        self.codes = codes
        self.scale = scale
    }

    /// Answers as doubles, `nan` for missing, not reverse-keyed.
    public var doubles: [Double] { codes.map { $0 == Self.missing ? .nan : Double($0) } }

    /// Answers as they enter a score: reverse-keyed items reversed, `nan` for missing.
    public var keyedDoubles: [Double] { codes.map { $0 == Self.missing ? .nan : scale.keyed(Double($0)) } }

    /// Answers as integers, `Int16.min` for missing, not reverse-keyed.
    public var integers: [Int16] { integers(keyed: false) }

    /// Answers as they enter a score, as integers: reverse-keyed items reversed, `Int16.min` for missing.
    public var keyedIntegers: [Int16] { integers(keyed: true) }

    private func integers(keyed: Bool) -> [Int16] {
        let (sign, shift): (Int16, Int16) = keyed && scale.reversed ? (-1, Int16(scale.range.lowerBound + scale.range.upperBound)) : (1, 0)
        return codes.plainMap { $0 == Self.missing ? .min : shift &+ sign &* Int16($0) }
    }

    /// Number of answers at each scale point, lowest first.
    ///
    /// Counted point by point with 16-byte comparisons (a scale has a few points, and a block of
    /// answers stays in cache): each byte lane counts its matches, and the lanes are added up every
    /// 255 steps, before a lane can overflow.
    public var counts: [Int] {
        codes.withUnsafeBufferPointer { codes in
            scale.range.map { Self.count(of: Int8(truncatingIfNeeded: $0), in: codes) }
        }
    }

    private static func count(of value: Int8, in codes: UnsafeBufferPointer<Int8>) -> Int {
        guard let base = codes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base), n = codes.count, target = SIMD16<Int8>(repeating: value)
        var total = 0, i = 0
        while i + 16 <= n {
            var lanes = SIMD16<UInt8>.zero
            let stop = min(n - 16, i + 254 * 16)
            while i <= stop {
                lanes &+= SIMD16<UInt8>.zero.replacing(with: 1, where: raw.loadUnaligned(fromByteOffset: i, as: SIMD16<Int8>.self) .== target)
                i += 16
            }
            total += Int(SIMD16<UInt16>(truncatingIfNeeded: lanes).wrappedSum())
        }
        while i < n {
            if base[i] == value { total += 1 }
            i += 1
        }
        return total
    }
}

/// Categorical answers as indices into ordered levels.
public struct CategoricalValues: Sendable {
    /// Index into ``levels``, or ``missing``.
    public var codes: [Int32]
    public var levels: [Level]
    /// Index of the reference level (for regression dummies).
    public var reference: Int
    public static let missing: Int32 = -1

    public init(codes: [Int32], levels: [Level], reference: Int = 0) {
        self.codes = codes
        self.levels = levels
        self.reference = reference
    }

    /// Codes as `Int` with −1 for missing.
    public var intCodes: [Int] { codes.map(Int.init) }

    /// Number of answers at each level.
    public var counts: [Int] {
        var counts = [Int](repeating: 0, count: levels.count)
        for code in codes where code != Self.missing { counts[Int(code)] += 1 }
        return counts
    }
}

/// How many cells of a column are missing, and why.
public struct MissingSummary: Sendable, Equatable {
    /// Blank cells (and `NA`): system-missing.
    public var blank: Int
    /// Cells holding a user-missing code, per code in codebook order (zero counts included).
    public var userMissing: [UserMissingCount]

    public init(blank: Int = 0, userMissing: [UserMissingCount] = []) {
        self.blank = blank
        self.userMissing = userMissing
    }

    public var total: Int { blank + userMissing.reduce(0) { $0 + $1.count } }

    public struct UserMissingCount: Sendable, Equatable {
        public var code: MissingCode
        public var count: Int

        public init(code: MissingCode, count: Int) {
            self.code = code
            self.count = count
        }
    }
}
