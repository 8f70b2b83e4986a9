/// The rows of a block summed by group, for ``DesignSums/init(_:columns:keepsFourthMoments:)``: a
/// group is a cell and a combination of codes of the grouped columns (a factor's levels; every
/// column when their combinations are few), so the grouped variables are constants within it and
/// only the other variables u vary. Per group it keeps the rows of positive weight, Σw, Σw², Σw⁴
/// and u's moments by the two-pass algorithm: under w, and when each row is its own PSU under w² (the
/// rows' squared linearised values), or with fourth moments the raw Σw²·φ and Σw²·φφᵀ of
/// φ = (1, u, uⱼuₖ for j ≤ k). The design's moments of all variables then follow per group from
/// these and the group's constants, and merge over the cell's groups in two passes: a
/// regression on a few factors and scale scores costs a few dozen operations per row, not the
/// square of its variables' products.
struct DesignGroupTally {
    /// Combinations of grouped codes per cell at most, unless told otherwise.
    static let maximumGroupsPerCell = 4096
    /// Slots of a pack of single columns over all cells at most (``singleColumns(_:_:)``).
    static let maximumPackSlots = 8192

    /// Where a group's sums lie among its `stride` numbers.
    struct Layout {
        static let positive = 0, weightSum = 1, squaredWeightSum = 2, fourthPowerWeightSum = 3
        /// u's means (q) and co-moments (q × q, upper triangle) under w; then, when kept, the same under w².
        let means: Int, coMoments: Int, squaredMeans: Int, squaredCoMoments: Int
        /// Σw²·φ (r) and Σw²·φφᵀ (r × r, upper triangle), when kept.
        let phiSums: Int, phiProducts: Int
        let stride: Int

        init(numericCount q: Int, phiCount r: Int, squared: Bool, fourth: Bool) {
            means = 4
            coMoments = means + q
            squaredMeans = coMoments + q * q
            squaredCoMoments = squaredMeans + (squared ? q : 0)
            phiSums = squaredCoMoments + (squared ? q * q : 0)
            phiProducts = phiSums + (fourth ? r : 0)
            stride = phiProducts + (fourth ? r * r : 0)
        }
    }

    let rows: DesignRows
    let columns: [DesignColumn]
    /// The grouped columns' indices into `columns`, and the others'.
    let grouped: [Int]
    let ungrouped: [Int]
    /// u's dimension, and φ's.
    let numericCount: Int
    let phiCount: Int
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
        phiCount = 1 + numericCount + numericCount * (numericCount + 1) / 2
        self.keepsFourthMoments = keepsFourthMoments && rows.rowsArePSUs
        keepsSquaredMoments = rows.rowsArePSUs && !self.keepsFourthMoments
        layout = Layout(numericCount: numericCount, phiCount: phiCount, squared: keepsSquaredMoments, fourth: self.keepsFourthMoments)
    }

    /// The tallies of single columns of few codes each (cells × (codes + 1) ≤ ``maximumPackSlots``),
    /// as each column's own tally gives them, counting the rows once per pack of columns: a row's
    /// codes in a pack (a missing code as one more) are one key, its (1, w, w², w⁴) is added to
    /// its cell's slot of that key, and each column's sums per cell and code are then summed from
    /// its pack's slots. A pack's slots stay few (``maximumPackSlots`` over all cells), so they stay in cache.
    static func singleColumns(_ rows: DesignRows, _ columns: [DesignColumn]) -> [DesignGroupTally] {
        let cells = rows.cells.count
        var tallies: [DesignGroupTally?] = [DesignGroupTally?](repeating: nil, count: columns.count)
        var next = 0
        while next < columns.count {
            var pack = [next], slots = max(1, cells) * (columns[next].codeCount + 1)
            while next + pack.count < columns.count, slots * (columns[next + pack.count].codeCount + 1) <= maximumPackSlots {
                slots *= columns[next + pack.count].codeCount + 1
                pack.append(next + pack.count)
            }
            next += pack.count
            // Each row's key in the pack: its codes in mixed radix, a missing code as the last digit.
            let radices = pack.map { columns[$0].codeCount + 1 }
            let keyCount = radices.reduce(1, *)
            var keys = [Int32](repeating: 0, count: rows.count)
            keys.withUnsafeMutableBufferPointer { keys in
                for (index, radix) in zip(pack, radices) {
                    columns[index].codes.withUnsafeBufferPointer { codes in
                        for row in keys.indices {
                            let code = codes[row]
                            keys[row] = keys[row] &* Int32(radix) &+ (code < 0 ? Int32(radix - 1) : code)
                        }
                    }
                }
            }
            var joint = [SIMD4<Double>](repeating: .zero, count: cells * keyCount)
            joint.withUnsafeMutableBufferPointer { joint in
                rows.cellOfRow.withUnsafeBufferPointer { cellOfRow in
                    keys.withUnsafeBufferPointer { keys in
                        rows.weightPowers.withUnsafeBufferPointer { powers in
                            for row in keys.indices { joint[Int(cellOfRow[row]) * keyCount + Int(keys[row])] += powers[row] }
                        }
                    }
                }
            }
            for (position, index) in pack.enumerated() {
                let radix = radices[position], below = radices[(position + 1)...].reduce(1, *)
                var counts = [SIMD4<Double>](repeating: .zero, count: cells * (radix - 1))
                for cell in 0..<cells {
                    for key in 0..<keyCount {
                        let digit = key / below % radix
                        if digit < radix - 1 { counts[cell * (radix - 1) + digit] += joint[cell * keyCount + key] }
                    }
                }
                tallies[index] = DesignGroupTally(rows, column: columns[index], counts: counts)
            }
        }
        return tallies.compactMap { $0 }
    }

    var groupCount: Int { groupCell.count }

    func positive(_ group: Int) -> Int { Int(sums[group * layout.stride + Layout.positive]) }
    func weightSum(_ group: Int) -> Double { sums[group * layout.stride + Layout.weightSum] }
    func squaredWeightSum(_ group: Int) -> Double { sums[group * layout.stride + Layout.squaredWeightSum] }
    func fourthPowerWeightSum(_ group: Int) -> Double { sums[group * layout.stride + Layout.fourthPowerWeightSum] }

    /// Per row its key: its grouped codes in mixed radix, or −1 for a row with a missing code or
    /// weight 0 (column by column, as ``RowTally`` packs its keys).
    private func rowKeys() -> [Int] {
        var keys = [Int](repeating: 0, count: rows.count)
        keys.withUnsafeMutableBufferPointer { keys in
            for index in columns.indices {
                let size = grouped.contains(index) ? columns[index].codeCount : 0
                columns[index].codes.withUnsafeBufferPointer { codes in
                    for row in keys.indices where keys[row] >= 0 {
                        let code = Int(codes[row])
                        keys[row] = code < 0 ? -1 : size > 0 ? keys[row] * size + code : keys[row]
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
            let number = cell * keyCount + keys[row]
            var group = useTable ? table[number] : found[number] ?? -1
            if group < 0 {
                group = Int32(groupCount)
                if useTable { table[number] = group } else { found[number] = group }
                appendGroup(cell: cell, key: keys[row], groupedSizes: groupedSizes)
            }
            groupOfRow[row] = group
        }
        return (groupOfRow, false)
    }

    private mutating func appendGroup(cell: Int, key: Int, groupedSizes: [Int]) {
        groupCell.append(Int32(cell))
        groupKey.append(key)
        var rest = key, codes = [Int32](repeating: 0, count: groupedSizes.count)
        for g in groupedSizes.indices.reversed() {
            codes[g] = Int32(rest % groupedSizes[g])
            rest /= groupedSizes[g]
        }
        groupCodes += codes
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
            if keepsFourthMoments {   // φ = (1): Σw²·φ = Σw²·φφᵀ = Σw²
                group[layout.phiSums] = sums[2]
                group[layout.phiProducts] = sums[2]
            }
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
    /// division per row): the weight sums, Σw·u (and Σw²·u) and, with fourth moments, Σw²·φ and
    /// Σw²·φφᵀ; then, with each group's means, Σw(u − ū)(u − ū)ᵀ (and under w² about its w²-means).
    private mutating func addRows(groupOfRow: [Int32]) {
        let q = numericCount, r = phiCount, layout = layout, stride = layout.stride
        let rowsArePSUs = rows.rowsArePSUs, keepsSquaredMoments = keepsSquaredMoments, keepsFourthMoments = keepsFourthMoments
        let values = numericValues(groupOfRow: groupOfRow)
        let weights = rows.weights ?? [Double](repeating: 1, count: rows.count)
        var sums = [Double](repeating: 0, count: groupCount * stride)
        // Scratch for a row's φ and its deltas to its group's means.
        let phi = UnsafeMutableBufferPointer<Double>.allocate(capacity: r), deltas = UnsafeMutableBufferPointer<Double>.allocate(capacity: q)
        phi.initialize(repeating: 0)
        deltas.initialize(repeating: 0)
        defer {
            phi.deallocate()
            deltas.deallocate()
        }
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
                            phi[0] = 1
                            for j in 0..<q { phi[1 + j] = u[j] }
                            var slot = 1 + q
                            for j in 0..<q {
                                for k in j..<q {
                                    phi[slot] = u[j] * u[k]
                                    slot += 1
                                }
                            }
                            // Σw²·φ and the upper triangle of Σw²·φφᵀ, row by row.
                            let phiSums = start + (base + layout.phiSums)
                            var products = start + (base + layout.phiProducts)
                            for a in 0..<r {
                                let weighted = w2 * phi[a]
                                phiSums[a] += weighted
                                for b in a..<r { products[b] += weighted * phi[b] }
                                products += r
                            }
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

    /// u − c of every row, row-major (q per row; rows of no group left 0), filled a column at a time
    /// from each ungrouped column's values per code.
    private func numericValues(groupOfRow: [Int32]) -> [Double] {
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
            values.withUnsafeMutableBufferPointer { values in
                column.codes.withUnsafeBufferPointer { codes in
                    for row in codes.indices where groupOfRow[row] >= 0 {
                        let code = Int(codes[row])
                        for t in 0..<width { values[row * q + start + t] = table[code * width + t] }
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
        return byCell.map { $0.sorted { groupKey[$0] < groupKey[$1] } }
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

    /// The values of the grouped columns' variables in `group` (0 for the others), of `columns`
    /// (the tally's, or columns with the same codes).
    func constants(_ group: Int, of columns: [DesignColumn]) -> [Double] {
        var values = [Double](repeating: 0, count: columns.reduce(0) { $0 + $1.variableCount })
        writeConstants(group, of: columns, into: &values)
        return values
    }

    /// The same written into `values`.
    func writeConstants(_ group: Int, of columns: [DesignColumn], into values: inout [Double]) {
        var start = 0
        for (index, column) in columns.enumerated() {
            if let position = grouped.firstIndex(of: index) {
                column.write(code: Int(groupCodes[group * grouped.count + position]), into: &values, from: start)
            }
            start += column.variableCount
        }
    }

    /// A group's weight sum, under w or (`squared`) under w².
    func weightSum(_ group: Int, squared: Bool) -> Double {
        sums[group * layout.stride + (squared ? Layout.squaredWeightSum : Layout.weightSum)]
    }

    /// A group's means of all variables of `columns` (the tally's, or columns with the same codes)
    /// less `shift`: the grouped ones' constants and the others' means (under w, or under w² when
    /// `squared`; summed about the origin, so that their digits stay when `shift` is the origin).
    func writeMeans(_ group: Int, of columns: [DesignColumn], numericIndices: [Int?], shift: [Double], squared: Bool,
                    into values: inout [Double]) {
        writeConstants(group, of: columns, into: &values)
        let means = group * layout.stride + (squared ? layout.squaredMeans : layout.means)
        for (i, numeric) in numericIndices.enumerated() {
            if let j = numeric { values[i] = sums[means + j] + (origin[i] - shift[i]) } else { values[i] -= shift[i] }
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

    /// Adds a group's Σw²·v and Σw²·vvᵀ (upper triangle) of v = (y, yₐy_b for a ≤ b), y = x − `origin`,
    /// to `vSums` and `vProducts`, over v's non-zero entries: each is a constant times an entry of φ.
    func addFourthMoments(_ group: Int, numericIndices: [Int?], constants: [Double], sums vSums: inout [Double], products vProducts: inout [Double]) {
        let q = numericCount, r = phiCount, m = numericIndices.count
        let dimension = m + m * (m + 1) / 2
        /// φ's entry of u_j·u_k (j ≤ k), and of a product of two φ entries of degree ≤ 1.
        func pair(_ j: Int, _ k: Int) -> Int { 1 + q + j * q - j * (j - 1) / 2 + (k - j) }
        func product(_ a: Int, _ b: Int) -> Int { a == 0 ? b : b == 0 ? a : pair(min(a, b) - 1, max(a, b) - 1) }
        var single: [(index: Int, scale: Double, phi: Int)] = []
        single.reserveCapacity(m)
        for (i, numeric) in numericIndices.enumerated() {
            let constant = constants[i] - origin[i]
            if let j = numeric { single.append((i, 1, 1 + j)) } else if constant != 0 { single.append((i, constant, 0)) }
        }
        var entries = single
        entries.reserveCapacity(single.count + single.count * (single.count + 1) / 2)
        for (x, a) in single.enumerated() {
            for b in single[x...] {
                entries.append((m + a.index * m - a.index * (a.index - 1) / 2 + (b.index - a.index), a.scale * b.scale, product(a.phi, b.phi)))
            }
        }
        let base = group * layout.stride, phiSums = base + layout.phiSums, phiProducts = base + layout.phiProducts
        // Entries ascend by their place in v, so each pair (e, f ≥ e) is in the upper triangle.
        sums.withUnsafeBufferPointer { groupSums in
            vSums.withUnsafeMutableBufferPointer { vSums in
                vProducts.withUnsafeMutableBufferPointer { vProducts in
                    for x in entries.indices {
                        let e = entries[x], row = e.index * dimension
                        vSums[e.index] += e.scale * groupSums[phiSums + e.phi]
                        for y in x..<entries.count {
                            let f = entries[y]
                            let phi = e.phi <= f.phi ? e.phi * r + f.phi : f.phi * r + e.phi
                            vProducts[row + f.index] += e.scale * f.scale * groupSums[phiProducts + phi]
                        }
                    }
                }
            }
        }
    }
}
