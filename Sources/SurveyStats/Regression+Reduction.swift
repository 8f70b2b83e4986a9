import ComputeSupport
import GSL

extension Regression.Sample {
    /// The least-squares problem handed to ``LeastSquares/solve(_:_:representedRows:)``: a system
    /// [X y] whose solution, for every subset of X's columns, is that of the √cᵢ-weighted rows,
    /// min Σcᵢ(yᵢ − xᵢᵀb)², the sum over the cases (never the normal equations).
    ///
    /// - `reduced == false`: the weighted rows themselves, √cᵢ·[xᵢ yᵢ], one per distinct row — so
    ///   that the least-squares solver's refinement works on the data rows.
    /// - `reduced == true`: their reduction to p + 1 rows by orthogonal transformations
    ///   (``TriangleReduction``), in two stages. On group g's rows the constant columns are aᵍ times
    ///   the column u = (√cᵢ), aᵍ the intercept and the group's dummies; so the group's narrow rows
    ///   √cᵢ·[1, zᵢ, yᵢ] (k numeric values zᵢ) are reduced to a (k + 2)-column triangle Rᵍ, which maps
    ///   u to (ρ, 0, …, 0), ρ = √Σcᵢ, and the same rotations reduce all p + 1 columns of the group:
    ///   its first reduced row is [ρ·aᵍ, Rᵍ₀], the others [0, Rᵍᵣ]. These k + 2 rows per group are
    ///   then reduced to the final triangle. Cost ≈ 3(k + 2)²/2 flops per distinct row in one pass
    ///   in the tally's order — for a large tally, pieces of it on all cores, each piece's triangles
    ///   then rotated into the first's (``rowPieces``, ``TriangleReduction/absorb(_:)``) — memory
    ///   O((k + 2)² per group and piece + p²).
    func leastSquaresSystem(reduced: Bool) -> (x: Matrix, y: [Double]) {
        let p = design.columnCount, k = numericColumns.count, m = k + 2
        var full = [Double](repeating: 0, count: p + 1)
        var stacked: [Double] = []
        if reduced {
            let pieces = rowPieces.concurrentMap { rows in
                let groups = TriangleReduction(width: m, groups: groupColumns.count)
                var narrow = [Double](repeating: 0, count: m)
                narrow.withUnsafeMutableBufferPointer { narrow in
                    forEachRow(in: rows) { g, c, values in
                        narrow[0] = 1
                        for v in 0...k { narrow[v + 1] = values[v] }
                        groups.append(narrow.baseAddress!, weight: c, group: g)
                    }
                }
                return groups
            }
            let groups = pieces[0]
            for piece in pieces.dropFirst() { groups.absorb(piece) }
            let all = TriangleReduction(width: p + 1, groups: 1)
            for g in groupColumns.indices {
                let r = groups.triangle(group: g)
                for row in 0..<m {
                    for j in 0...p { full[j] = 0 }
                    if row == 0 { for j in groupColumns[g] { full[j] = r[0] } }
                    for (v, j) in numericColumns.enumerated() { full[j] = r[row * m + 1 + v] }
                    full[p] = r[row * m + k + 1]
                    all.append(&full, weight: 1, group: 0)
                }
            }
            stacked = all.triangle(group: 0)
        } else {
            forEachRow { g, c, values in
                let root = c.squareRoot()
                for j in 0...p { full[j] = 0 }
                for j in groupColumns[g] { full[j] = root }
                for (v, j) in numericColumns.enumerated() { full[j] = root * values[v] }
                full[p] = root * values[k]
                stacked.append(contentsOf: full)
            }
        }
        let n = stacked.count / (p + 1)
        var x = Matrix(rows: n, columns: p)
        var y = [Double](repeating: 0, count: n)
        for i in 0..<n {
            for j in 0..<p { x[i, j] = stacked[i * (p + 1) + j] }
            y[i] = stacked[i * (p + 1) + p]
        }
        return (x, y)
    }
}
