import CGSL

/// A dense real matrix owned by Swift, stored row by row.
///
/// The GSL module copies it into a `gsl_matrix` only for the duration of a call, so no C type ever
/// appears in a public signature.
public struct Matrix: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    /// Elements in row-major order: element (i, j) is `elements[i * columns + j]`.
    public private(set) var elements: [Double]

    /// A `rows × columns` matrix filled with `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        elements = Array(repeating: value, count: rows * columns)
    }

    /// A matrix from its elements in row-major order.
    public init(rows: Int, columns: Int, elements: [Double]) {
        precondition(elements.count == rows * columns, "expected \(rows * columns) elements, got \(elements.count)")
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// A matrix whose columns are the given arrays (all of the same length).
    public init(columns data: [[Double]]) {
        let rowCount = data.first?.count ?? 0
        precondition(data.allSatisfy { $0.count == rowCount }, "columns must have equal lengths")
        var matrix = Matrix(rows: rowCount, columns: data.count)
        for (j, column) in data.enumerated() {
            for i in 0..<rowCount { matrix[i, j] = column[i] }
        }
        self = matrix
    }

    public subscript(row: Int, column: Int) -> Double {
        get { elements[row * columns + column] }
        set { elements[row * columns + column] = newValue }
    }

    /// Column `j` as an array.
    public func column(_ j: Int) -> [Double] {
        (0..<rows).map { self[$0, j] }
    }

    /// The sub-matrix of the given rows and columns (in the given order).
    public func submatrix(rows rowIndices: [Int], columns columnIndices: [Int]) -> Matrix {
        var result = Matrix(rows: rowIndices.count, columns: columnIndices.count)
        for (a, i) in rowIndices.enumerated() {
            for (b, j) in columnIndices.enumerated() { result[a, b] = self[i, j] }
        }
        return result
    }

    /// The diagonal elements.
    public var diagonal: [Double] {
        (0..<min(rows, columns)).map { self[$0, $0] }
    }

    /// log det(A) of a symmetric positive-definite matrix, by Cholesky factorisation
    /// (`gsl_linalg_cholesky_decomp1`): log det = 2 Σ log Lᵢᵢ.
    /// - Throws: ``GSLError`` (`GSL_EDOM`) when the matrix is not positive definite.
    public func logDeterminantSPD() throws -> Double {
        precondition(rows == columns, "determinant of a non-square matrix")
        if rows == 0 { return 0 }
        GSLRuntime.ready
        let m = gslCopy()
        defer { gsl_matrix_free(m) }
        try check(gsl_linalg_cholesky_decomp1(m), "gsl_linalg_cholesky_decomp1")
        var sum = 0.0
        for i in 0..<rows { sum += log(gsl_matrix_get(m, i, i)) }
        return 2 * sum
    }

    /// A⁻¹ and log det(A) of a symmetric positive-definite matrix from one Cholesky factorisation
    /// A = LLᵀ (`gsl_linalg_cholesky_decomp1`, `gsl_linalg_cholesky_invert`): log det = 2 Σ log Lᵢᵢ.
    /// - Throws: ``GSLError`` (`GSL_EDOM`) when the matrix is not positive definite.
    public func inverseSPD() throws -> (inverse: Matrix, logDeterminant: Double) {
        precondition(rows == columns, "inverse of a non-square matrix")
        if rows == 0 { return (self, 0) }
        GSLRuntime.ready
        let m = gslCopy()
        defer { gsl_matrix_free(m) }
        try check(gsl_linalg_cholesky_decomp1(m), "gsl_linalg_cholesky_decomp1")
        var sum = 0.0
        for i in 0..<rows { sum += log(gsl_matrix_get(m, i, i)) }
        try check(gsl_linalg_cholesky_invert(m), "gsl_linalg_cholesky_invert")
        var inverse = Matrix(rows: rows, columns: columns)
        for i in 0..<rows { for j in 0..<columns { inverse[i, j] = gsl_matrix_get(m, i, j) } }
        return (inverse, 2 * sum)
    }

    /// A freshly allocated `gsl_matrix` holding a copy of the elements; the caller frees it.
    func gslCopy() -> UnsafeMutablePointer<gsl_matrix> {
        let m = gsl_matrix_alloc(rows, columns)!
        for i in 0..<rows {
            for j in 0..<columns { gsl_matrix_set(m, i, j, elements[i * columns + j]) }
        }
        return m
    }
}
