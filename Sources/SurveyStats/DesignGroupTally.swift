/// The rows of a block summed by group, for ``DesignSums/init(_:columns:keepsFourthMoments:)``: a
/// group is a cell and a combination of codes of the grouped columns (a factor's levels; every
/// column when their combinations are few), so the grouped variables are constants within it and
/// only the other variables u vary. Per group it keeps the rows of positive weight, Σw, Σw², Σw⁴
/// and u's moments by the two-pass algorithm: under w, and when each row is its own PSU under w²
/// (the rows' squared linearised values), or with fourth moments the raw Σw² times each monomial of
/// u of degree ≤ 4 (``FourthDegreeMonomials``), among them Σw²·φ and Σw²·φφᵀ of
/// φ = (1, u, uⱼuₖ for j ≤ k). The design's moments of all variables then follow per group from
/// these and the group's constants, and merge over the cell's groups in two passes: a
/// regression on a few factors and scale scores costs a few dozen operations per row, not the
/// square of its variables' products.
struct DesignGroupTally {
    /// Combinations of grouped codes per cell at most, unless told otherwise.
    static let maximumGroupsPerCell = 8192
    /// Slots (cells × codes, a missing code as one more) of a column or pair of columns tallied in
    /// ``singleColumns(_:_:)`` at most.
    static let maximumSingleColumnSlots = 8192

    /// Where a group's sums lie among its `stride` numbers.
    struct Layout {
        static let positive = 0, weightSum = 1, squaredWeightSum = 2, fourthPowerWeightSum = 3
        /// u's means (q) and co-moments (q × q, upper triangle) under w; then, when kept, the same under w².
        let means: Int, coMoments: Int, squaredMeans: Int, squaredCoMoments: Int
        /// Σw² times each monomial of u of degree ≤ 4, when kept.
        let monomials: Int
        let stride: Int

        init(numericCount q: Int, monomialCount: Int, squared: Bool, fourth: Bool) {
            means = 4
            coMoments = means + q
            squaredMeans = coMoments + q * q
            squaredCoMoments = squaredMeans + (squared ? q : 0)
            monomials = squaredCoMoments + (squared ? q * q : 0)
            stride = monomials + (fourth ? monomialCount : 0)
        }
    }

    let rows: DesignRows
    let columns: [DesignColumn]
    /// The grouped columns' indices into `columns`, and the others'.
    let grouped: [Int]
    let ungrouped: [Int]
    /// u's dimension, and its monomials of degree ≤ 4.
    let numericCount: Int
    let monomials: FourthDegreeMonomials
    let keepsSquaredMoments: Bool
    let keepsFourthMoments: Bool
    let layout: Layout

    /// Per group: its cell, its key (the grouped codes in mixed radix), and its grouped codes.
    private(set) var groupCell: [Int32] = []
    private(set) var groupKey: [Int] = []
    private(set) var groupCodes: [Int32] = []
    /// Per group its `layout.stride` sums (the count of rows of positive weight as a number).
    private(set) var sums: [Double] = []
    /// The origin c (``smallestValues(_:)``): u's moments are summed as those of u − c and
    /// φ = (1, u − c, …), so that values far from 0 (a year, an income) keep their digits;
    /// ``writeMeans(_:of:numericIndices:shift:squared:into:)`` adds c back.
    let origin: [Double]

    init(_ rows: DesignRows, columns: [DesignColumn], keepsFourthMoments: Bool, maximumGroupsPerCell: Int = maximumGroupsPerCell) {
        // Every column when all their code combinations are few (a tally of the distinct rows),
        // else the factors, smallest first, while their combinations stay few.
        func product(_ indices: [Int]) -> Int? {
            var total = 1
            for index in indices {
                let (next, overflow) = total.multipliedReportingOverflow(by: max(1, columns[index].codeCount))
                if overflow || next > maximumGroupsPerCell { return nil }
                total = next
            }
            return total
        }
        var grouped: [Int] = []
        if product(Array(columns.indices)) != nil {
            grouped = Array(columns.indices)
        } else {
            for index in columns.indices.filter({ columns[$0].isIndicators }).sorted(by: { columns[$0].codeCount < columns[$1].codeCount })
            where product(grouped + [index]) != nil {
                grouped.append(index)
            }
            grouped.sort()
        }
        self.init(rows, columns: columns, grouped: grouped, keepsFourthMoments: keepsFourthMoments)
        let (groupOfRow, summed) = findGroups()
        if !summed { addRows(groupOfRow: groupOfRow) }
    }

    /// The tally of one column, every code a group, from its rows' sums per cell and code
    /// (`counts`, cell-major, (1, w, w², w⁴) per slot).
    private init(_ rows: DesignRows, column: DesignColumn, counts: [SIMD4<Double>]) {
        self.init(rows, columns: [column], grouped: [0], keepsFourthMoments: false)
        collectGroups(counts, keyCount: column.codeCount, groupedSizes: [column.codeCount])
    }

    private init(_ rows: DesignRows, columns: [DesignColumn], grouped: [Int], keepsFourthMoments: Bool) {
        self.rows = rows
        self.columns = columns
        origin = Self.smallestValues(columns)
        self.grouped = grouped
        ungrouped = columns.indices.filter { !grouped.contains($0) }
        numericCount = ungrouped.reduce(0) { $0 + columns[$1].variableCount }
        monomials = FourthDegreeMonomials(variableCount: keepsFourthMoments && rows.rowsArePSUs ? numericCount : 0)
        self.keepsFourthMoments = keepsFourthMoments && rows.rowsArePSUs
        keepsSquaredMoments = rows.rowsArePSUs && !self.keepsFourthMoments
        layout = Layout(numericCount: numericCount, monomialCount: monomials.count, squared: keepsSquaredMoments, fourth: self.keepsFourthMoments)
    }

    /// The tallies of single columns of few codes each (cells × codes ≤ ``maximumSingleColumnSlots``),
    /// as each column's own tally gives them. Columns go in pairs whose joint codes stay few: a
    /// row's (1, w, w², w⁴) is added to its cell's slot of the pair's codes (a missing code as one
    /// more), one addition for two columns, and each column's sums per cell and code are then
    /// summed from its pair's slots.
    static func singleColumns(_ rows: DesignRows, _ columns: [DesignColumn]) -> [DesignGroupTally] {
        let cells = max(1, rows.cells.count)
        let radices = columns.map { $0.codeCount + 1 }
        // Pairs of neighbours whose joint slots stay few; a column left alone is paired with no column
        // (one code, never missing).
        var pairs: [(first: Int, second: Int?)] = []
        var next = 0
        while next < columns.count {
            if next + 1 < columns.count, cells * radices[next] * radices[next + 1] <= maximumSingleColumnSlots {
                pairs.append((next, next + 1))
                next += 2
            } else {
                pairs.append((next, nil))
                next += 1
            }
        }
        let noCodes = [Int32](repeating: 0, count: rows.count)
        var counts = [[SIMD4<Double>]](repeating: [], count: columns.count)
        for pair in pairs {
            let first = columns[pair.first].codes, second = pair.second.map { columns[$0].codes } ?? noCodes
            let firstRadix = radices[pair.first], secondRadix = pair.second.map { radices[$0] } ?? 1
            let slots = firstRadix * secondRadix
            var joint = [SIMD4<Double>](repeating: .zero, count: cells * slots)
            joint.withUnsafeMutableBufferPointer { joint in
                rows.cellOfRow.withUnsafeBufferPointer { cellOfRow in
                    rows.weightPowers.withUnsafeBufferPointer { powers in
                        for row in 0..<rows.count {
                            let a = Int(first[row]), b = Int(second[row])
                            let key = (a < 0 ? firstRadix - 1 : a) &* secondRadix &+ (b < 0 ? secondRadix - 1 : b)
                            joint[Int(cellOfRow[row]) &* slots &+ key] += powers[row]
                        }
                    }
                }
            }
            // Each column's sums per cell and code (cell-major), over the other's codes.
            var firstCounts = [SIMD4<Double>](repeating: .zero, count: cells * (firstRadix - 1))
            var secondCounts = [SIMD4<Double>](repeating: .zero, count: cells * (secondRadix - 1))
            for cell in 0..<cells {
                for a in 0..<firstRadix {
                    for b in 0..<secondRadix {
                        let sums = joint[cell * slots + a * secondRadix + b]
                        if a < firstRadix - 1 { firstCounts[cell * (firstRadix - 1) + a] += sums }
                        if b < secondRadix - 1 { secondCounts[cell * (secondRadix - 1) + b] += sums }
                    }
                }
            }
            counts[pair.first] = firstCounts
            if let second = pair.second { counts[second] = secondCounts }
        }
        return columns.indices.map { DesignGroupTally(rows, column: columns[$0], counts: counts[$0]) }
    }

    var groupCount: Int { groupCell.count }

    func positive(_ group: Int) -> Int { Int(sums[group * layout.stride + Layout.positive]) }
    func weightSum(_ group: Int) -> Double { sums[group * layout.stride + Layout.weightSum] }
    func squaredWeightSum(_ group: Int) -> Double { sums[group * layout.stride + Layout.squaredWeightSum] }
    func fourthPowerWeightSum(_ group: Int) -> Double { sums[group * layout.stride + Layout.fourthPowerWeightSum] }

    /// Per row its key: its grouped codes in mixed radix, or −1 for a row with a missing code or
    /// weight 0 (column by column, as ``RowTally`` packs its keys; a key is below the grouped
    /// columns' combinations, at most the limit of groups per cell, so it fits 32 bits).
    private func rowKeys() -> [Int32] {
        var keys = [Int32](repeating: 0, count: rows.count)
        keys.withUnsafeMutableBufferPointer { keys in
            for index in columns.indices {
                let size = Int32(truncatingIfNeeded: columns[index].codeCount)
                columns[index].codes.withUnsafeBufferPointer { codes in
                    // Without branches: a code of −1 (or a key of −1 so far) makes the key −1.
                    if grouped.contains(index) {
                        for row in keys.indices {
                            let key = keys[row], code = codes[row]
                            keys[row] = (key | code) < 0 ? -1 : key &* size &+ code
                        }
                    } else {
                        for row in keys.indices { keys[row] |= codes[row] >> 31 }
                    }
                }
            }
            if let weights = rows.weights {
                for row in keys.indices where !(weights[row] > 0) { keys[row] = -1 }
            }
        }
        return keys
    }

    /// Per row its group (−1: a missing code or weight 0), numbering the groups in order of
    /// appearance; when every column is grouped and a table of every cell's keys is small, also
    /// every group's sums in the same pass (`true`).
    private mutating func findGroups() -> (groupOfRow: [Int32], summed: Bool) {
        let groupedSizes = grouped.map { columns[$0].codeCount }
        let keyCount = groupedSizes.reduce(1, *)
        let direct = rows.cells.count.multipliedReportingOverflow(by: keyCount)
        let useTable = !direct.overflow && direct.partialValue <= 1 << 20
        if useTable && ungrouped.isEmpty {
            // One column's codes are its keys (rows of weight 0 add nothing as they are counted).
            if columns.count == 1 { countRows(keys: columns[0].codes, keyCount: keyCount, groupedSizes: groupedSizes) }
            else { countRows(keys: rowKeys(), keyCount: keyCount, groupedSizes: groupedSizes) }
            return ([], true)
        }
        let keys = rowKeys()
        var table = [Int32](repeating: -1, count: useTable ? direct.partialValue : 0)
        var found: [Int: Int32] = [:]
        var groupOfRow = [Int32](repeating: -1, count: rows.count)
        for row in 0..<rows.count where keys[row] >= 0 {
            let cell = Int(rows.cellOfRow[row])
            let number = cell * keyCount + Int(keys[row])
            var group = useTable ? table[number] : found[number] ?? -1
            if group < 0 {
                group = Int32(groupCount)
                if useTable { table[number] = group } else { found[number] = group }
                appendGroup(cell: cell, key: Int(keys[row]), groupedSizes: groupedSizes)
            }
            groupOfRow[row] = group
        }
        return (groupOfRow, false)
    }

    private mutating func appendGroup(cell: Int, key: Int, groupedSizes: [Int]) {
        groupCell.append(Int32(cell))
        groupKey.append(key)
        let start = groupCodes.count
        groupCodes.append(contentsOf: repeatElement(0, count: groupedSizes.count))
        var rest = key
        for g in groupedSizes.indices.reversed() {
            groupCodes[start + g] = Int32(rest % groupedSizes[g])
            rest /= groupedSizes[g]
        }
    }

    /// Every group's rows of positive weight, Σw, Σw² and Σw⁴ in one pass, in a table of every
    /// cell's keys; then the groups with rows, by cell and key (u is empty: every column is grouped).
    private mutating func countRows<Key: BinaryInteger>(keys: [Key], keyCount: Int, groupedSizes: [Int]) {
        // Per cell and key (and a last slot for rows with a missing code) the sums (1, w, w², w⁴)
        // of its rows of positive weight, added as one vector per row.
        let slots = rows.cells.count * keyCount
        var counts = [SIMD4<Double>](repeating: .zero, count: slots + 1)
        counts.withUnsafeMutableBufferPointer { counts in
            rows.cellOfRow.withUnsafeBufferPointer { cellOfRow in
                keys.withUnsafeBufferPointer { keys in
                    rows.weightPowers.withUnsafeBufferPointer { powers in
                        for row in keys.indices {
                            let key = Int(keys[row])
                            counts[key < 0 ? slots : Int(cellOfRow[row]) * keyCount + key] += powers[row]
                        }
                    }
                }
            }
        }
        collectGroups(counts, keyCount: keyCount, groupedSizes: groupedSizes)
    }

    /// The groups of the slots of `counts` (cell-major, `keyCount` keys per cell; a slot more is
    /// ignored) with rows, by cell and key, with their sums.
    private mutating func collectGroups(_ counts: [SIMD4<Double>], keyCount: Int, groupedSizes: [Int]) {
        let stride = layout.stride
        var group = [Double](repeating: 0, count: stride)
        for slot in 0..<(rows.cells.count * keyCount) where counts[slot][0] > 0 {
            let sums = counts[slot]
            group[Layout.positive] = sums[0]
            group[Layout.weightSum] = sums[1]
            group[Layout.squaredWeightSum] = sums[2]
            group[Layout.fourthPowerWeightSum] = rows.rowsArePSUs ? sums[3] : 0
            if keepsFourthMoments { group[layout.monomials] = sums[2] }   // u is empty: the one monomial is 1
            appendGroup(cell: slot / keyCount, key: slot % keyCount, groupedSizes: groupedSizes)
            self.sums += group
        }
    }

    /// Per variable of `columns`, its smallest possible value (the first of its coded values), 0
    /// for a factor's indicators: a value of the data's range, the same in every block when the
    /// values come from the codebook (items, scale scores), so that merged summaries seldom re-base.
    private static func smallestValues(_ columns: [DesignColumn]) -> [Double] {
        columns.flatMap { column -> [Double] in
            switch column {
            case .values(let coded): return [coded.values.first ?? 0]
            case .indicators: return [Double](repeating: 0, count: column.variableCount)
            }
        }
    }

    /// Adds each row of a group to its group's sums in two passes (the two-pass algorithm, no
    /// division per row): the weight sums, Σw·u (and Σw²·u) and, with fourth moments, Σw² times each
    /// monomial of u of degree ≤ 4; then, with each group's means, Σw(u − ū)(u − ū)ᵀ (and under w²
    /// about its w²-means).
    private mutating func addRows(groupOfRow: [Int32]) {
        let q = numericCount, layout = layout, stride = layout.stride
        let rowsArePSUs = rows.rowsArePSUs, keepsSquaredMoments = keepsSquaredMoments, keepsFourthMoments = keepsFourthMoments
        let values = numericValues()
        let weights = rows.weights ?? [Double](repeating: 1, count: rows.count)
        var sums = [Double](repeating: 0, count: groupCount * stride)
        // Scratch for a row's w²-weighted monomials and its deltas to its group's means.
        let monomialCount = monomials.count
        let monomial = UnsafeMutableBufferPointer<Double>.allocate(capacity: monomialCount)
        let deltas = UnsafeMutableBufferPointer<Double>.allocate(capacity: q)
        monomial.initialize(repeating: 0)
        deltas.initialize(repeating: 0)
        defer {
            monomial.deallocate()
            deltas.deallocate()
        }
        monomials.parent.withUnsafeBufferPointer { parent in
            monomials.variable.withUnsafeBufferPointer { variable in
                sums.withUnsafeMutableBufferPointer { sums in
                    guard let start = sums.baseAddress else { return }
                    values.withUnsafeBufferPointer { values in
                        weights.withUnsafeBufferPointer { weights in
                            for row in groupOfRow.indices where groupOfRow[row] >= 0 {
                                let base = Int(groupOfRow[row]) * stride
                                let u = UnsafeBufferPointer(rebasing: values[(row * q)..<(row * q + q)])
                                let w = weights[row], w2 = w * w
                                sums[base + Layout.positive] += 1
                                sums[base + Layout.weightSum] += w
                                sums[base + Layout.squaredWeightSum] += w2
                                let means = start + (base + layout.means)
                                for j in 0..<q { means[j] += w * u[j] }
                                guard rowsArePSUs else { continue }
                                sums[base + Layout.fourthPowerWeightSum] += w2 * w2
                                if keepsSquaredMoments {
                                    let squaredMeans = start + (base + layout.squaredMeans)
                                    for j in 0..<q { squaredMeans[j] += w2 * u[j] }
                                } else if keepsFourthMoments {
                                    // w² times each monomial, each the product of an earlier one and a variable.
                                    let monomialSums = start + (base + layout.monomials)
                                    monomial[0] = w2
                                    for t in 1..<monomialCount { monomial[t] = monomial[parent[t]] * u[variable[t]] }
                                    for t in 0..<monomialCount { monomialSums[t] += monomial[t] }
                                }
                            }
                            guard q > 0, let valueStart = values.baseAddress else { return }
                            for group in 0..<groupCount {   // the sums Σw·u become the means
                                let base = group * stride
                                for j in 0..<q { sums[base + layout.means + j] /= sums[base + Layout.weightSum] }
                                if keepsSquaredMoments {
                                    for j in 0..<q { sums[base + layout.squaredMeans + j] /= sums[base + Layout.squaredWeightSum] }
                                }
                            }
                            for row in groupOfRow.indices where groupOfRow[row] >= 0 {
                                let base = Int(groupOfRow[row]) * stride
                                let u = valueStart + row * q
                                let w = weights[row]
                                Self.addProducts(u, weight: w, about: start + (base + layout.means), to: start + (base + layout.coMoments),
                                                 count: q, deltas: deltas)
                                if keepsSquaredMoments {
                                    Self.addProducts(u, weight: w * w, about: start + (base + layout.squaredMeans),
                                                     to: start + (base + layout.squaredCoMoments), count: q, deltas: deltas)
                                }
                            }
                        }
                    }
                }
            }
        }
        self.sums = sums
    }

    /// Adds w(u − ū)(u − ū)ᵀ to the upper triangle of `coMoments` (q × q).
    private static func addProducts(_ u: UnsafePointer<Double>, weight w: Double, about mean: UnsafeMutablePointer<Double>,
                                    to coMoments: UnsafeMutablePointer<Double>, count q: Int, deltas d: UnsafeMutableBufferPointer<Double>) {
        for i in 0..<q { d[i] = u[i] - mean[i] }
        for i in 0..<q {
            let deltaI = w * d[i], row = coMoments + i &* q
            for j in i..<q { row[j] += deltaI * d[j] }
        }
    }

    /// u − c of every row, row-major (q per row; any value for a row of no group), filled a column
    /// at a time from each ungrouped column's values per code.
    private func numericValues() -> [Double] {
        let q = numericCount
        let numericOrigin = zip(numericIndices(of: columns), origin).compactMap { $0 == nil ? nil : $1 }
        var values = [Double](repeating: 0, count: rows.count * q)
        var start = 0
        for index in ungrouped {
            let column = columns[index], width = column.variableCount
            var table = [Double](repeating: 0, count: column.codeCount * width)   // per code its values less the origin
            for code in 0..<column.codeCount {
                column.write(code: code, into: &table, from: code * width)
                for t in 0..<width { table[code * width + t] -= numericOrigin[start + t] }
            }
            // Without branches: a row of no group (a missing code here or elsewhere) gets any value.
            values.withUnsafeMutableBufferPointer { values in
                column.codes.withUnsafeBufferPointer { codes in
                    table.withUnsafeBufferPointer { table in
                        if width == 1 {
                            for row in codes.indices { values[row &* q &+ start] = table[max(Int(codes[row]), 0)] }
                        } else {
                            for row in codes.indices {
                                let code = max(Int(codes[row]), 0)
                                for t in 0..<width { values[row &* q &+ start &+ t] = table[code &* width &+ t] }
                            }
                        }
                    }
                }
            }
            start += width
        }
        return values
    }

    /// The groups of each cell, by key.
    var groupsByCell: [[Int]] {
        var byCell = [[Int]](repeating: [], count: rows.cells.count)
        for group in 0..<groupCount { byCell[Int(groupCell[group])].append(group) }
        let keys = groupKey   // not `self` in the comparison: that copied the whole tally per call
        return byCell.map { $0.sorted { keys[$0] < keys[$1] } }
    }

    /// Per variable of `columns` (the tally's, or columns with the same codes), its index in u, or
    /// `nil` for a grouped column's variable.
    func numericIndices(of columns: [DesignColumn]) -> [Int?] {
        var indices: [Int?] = [], numeric = 0
        for (index, column) in columns.enumerated() {
            for _ in 0..<column.variableCount {
                if grouped.contains(index) { indices.append(nil) } else {
                    indices.append(numeric)
                    numeric += 1
                }
            }
        }
        return indices
    }

    /// Per group of `groups` the values of the grouped columns' variables of `columns` (the tally's,
    /// or columns with the same codes), 0 for the others: a row of the columns' variables per group
    /// in the order of `groups`, row-major.
    func constants(_ groups: [Int], of columns: [DesignColumn]) -> [Double] {
        let m = columns.reduce(0) { $0 + $1.variableCount }
        var constants = [Double](repeating: 0, count: groups.count * m)
        var start = 0
        for (index, column) in columns.enumerated() {
            let width = column.variableCount
            if let position = grouped.firstIndex(of: index) {
                var table = [Double](repeating: 0, count: column.codeCount * width)   // per code its variables' values
                for code in 0..<column.codeCount { column.write(code: code, into: &table, from: code * width) }
                for (row, group) in groups.enumerated() {
                    let code = Int(groupCodes[group * grouped.count + position])
                    for t in 0..<width { constants[row * m + start + t] = table[code * width + t] }
                }
            }
            start += width
        }
        return constants
    }

    /// A group's weight sum, under w or (`squared`) under w².
    func weightSum(_ group: Int, squared: Bool) -> Double {
        sums[group * layout.stride + (squared ? Layout.squaredWeightSum : Layout.weightSum)]
    }

    /// A group's means of all variables less `shift`: the grouped ones' constants (`constants`, its
    /// row of ``constants(_:of:)``) and the others' means (under w, or under w² when `squared`; summed
    /// about the origin, so that their digits stay when `shift` is the origin).
    func writeMeans(_ group: Int, constants: ArraySlice<Double>, numericIndices: [Int?], shift: [Double], squared: Bool,
                    into values: inout [Double]) {
        let row = constants.startIndex
        let means = group * layout.stride + (squared ? layout.squaredMeans : layout.means)
        for (i, numeric) in numericIndices.enumerated() {
            if let j = numeric { values[i] = sums[means + j] + (origin[i] - shift[i]) } else { values[i] = constants[row + i] - shift[i] }
        }
    }

    /// Adds a group's co-moments of its numeric variables (upper triangle, under w or under w²)
    /// to the upper triangle of `coMoments` of all variables.
    func addCoMoments(_ group: Int, numericIndices: [Int?], squared: Bool, to coMoments: inout [Double]) {
        let q = numericCount, m = numericIndices.count
        guard q > 0 else { return }
        let start = group * layout.stride + (squared ? layout.squaredCoMoments : layout.coMoments)
        for (i, a) in numericIndices.enumerated() {
            guard let j = a else { continue }
            for k in i..<m {
                guard let l = numericIndices[k] else { continue }
                coMoments[i * m + k] += sums[start + min(j, l) * q + max(j, l)]
            }
        }
    }

    /// A group's entry of v = (y, yₐy_b for a ≤ b) that is not 0: its place in v, the constant it is
    /// (times φ's entry `phi`, 0 for a constant alone).
    typealias FourthMomentEntry = (index: Int, scale: Double, phi: Int)

    /// Adds a group's Σw²·v and Σw²·vvᵀ (upper triangle) of v = (y, yₐy_b for a ≤ b), y = x − `origin`,
    /// to `vSums` and `vProducts`, over v's non-zero entries: each is a constant (`constants`, its row
    /// of ``constants(_:of:)``) times an entry of φ. `entries` is scratch, kept between groups.
    func addFourthMoments(_ group: Int, numericIndices: [Int?], constants: ArraySlice<Double>, entries: inout [FourthMomentEntry],
                          sums vSums: inout [Double], products vProducts: inout [Double]) {
        let q = numericCount, r = monomials.phi.count, m = numericIndices.count
        let dimension = m + m * (m + 1) / 2
        /// φ's entry of u_j·u_k (j ≤ k), and of a product of two φ entries of degree ≤ 1.
        func pair(_ j: Int, _ k: Int) -> Int { 1 + q + j * q - j * (j - 1) / 2 + (k - j) }
        func product(_ a: Int, _ b: Int) -> Int { a == 0 ? b : b == 0 ? a : pair(min(a, b) - 1, max(a, b) - 1) }
        // v's entries yₐ, then their products.
        entries.removeAll(keepingCapacity: true)
        for (i, numeric) in numericIndices.enumerated() {
            let constant = constants[constants.startIndex + i] - origin[i]
            if let j = numeric { entries.append((i, 1, 1 + j)) } else if constant != 0 { entries.append((i, constant, 0)) }
        }
        let singles = entries.count
        for x in 0..<singles {
            let a = entries[x]
            for y in x..<singles {
                let b = entries[y]
                entries.append((m + a.index * m - a.index * (a.index - 1) / 2 + (b.index - a.index), a.scale * b.scale, product(a.phi, b.phi)))
            }
        }
        let base = group * layout.stride + layout.monomials
        // Entries ascend by their place in v, so each pair (e, f ≥ e) is in the upper triangle.
        sums.withUnsafeBufferPointer { groupSums in
            entries.withUnsafeBufferPointer { entries in
                monomials.phi.withUnsafeBufferPointer { phi in
                    monomials.phiProduct.withUnsafeBufferPointer { phiProduct in
                        vSums.withUnsafeMutableBufferPointer { vSums in
                            vProducts.withUnsafeMutableBufferPointer { vProducts in
                                for x in entries.indices {
                                    let e = entries[x], row = e.index * dimension, products = e.phi * r
                                    vSums[e.index] += e.scale * groupSums[base + phi[e.phi]]
                                    for y in x..<entries.count {
                                        let f = entries[y]
                                        vProducts[row + f.index] += e.scale * f.scale * groupSums[base + phiProduct[products + f.phi]]
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
