import GSL

extension Regression {
    /// The HC3 heteroscedasticity-consistent covariance of the coefficients,
    /// V = (XᵀX)⁻¹·Xᵀ·diag(eᵢ²/(1 − hᵢᵢ)²)·X·(XᵀX)⁻¹ (MacKinnon & White 1985, "Some
    /// heteroskedasticity-consistent covariance matrix estimators with improved finite sample
    /// properties", *J. Econometrics* 29:305; Long & Ervin 2000, *Am. Stat.* 54:217).
    ///
    /// Computed through the QR factor T (X·T = Q₁, T·Tᵀ = (XᵀX)⁻¹): with qᵢ = Tᵀxᵢ, hᵢᵢ = ‖qᵢ‖² and
    /// V = T·[Σ ωᵢ qᵢqᵢᵀ]·Tᵀ, ωᵢ = eᵢ²/(1 − hᵢᵢ)². `nil` when a case has leverage 1 (HC3 undefined).
    ///
    /// With case counts, row i stands for cᵢ identical cases: T comes from the √c-scaled QR
    /// (T·Tᵀ = (XᵀWX)⁻¹), qᵢ = Tᵀxᵢ of the unscaled row gives the leverage of one of its cases, and
    /// its term enters the meat cᵢ times, Σ cᵢωᵢqᵢqᵢᵀ, as in the sum over the cases.
    /// Tested against R 4.2.2 `car::hccm(fit, type = "hc3")` and the fit on expanded rows (`RegressionTests`).
    static func hc3Covariance(design: Matrix, residuals: [Double], counts: [Double]?, factor: Matrix) -> Matrix? {
        let n = design.rows, p = design.columns, r = factor.columns
        // The loop over the cases is the cost at scale (n·r·(p + r/2) flops): flat buffers, the
        // meat's upper triangle accumulated row-major.
        var meatElements = [Double](repeating: 0, count: r * r)
        var q = [Double](repeating: 0, count: r)
        let complete = design.elements.withUnsafeBufferPointer { x in
            factor.elements.withUnsafeBufferPointer { t in
                meatElements.withUnsafeMutableBufferPointer { meat in
                    q.withUnsafeMutableBufferPointer { q in
                        for i in 0..<n {
                            let row = i * p
                            for m in 0..<r {
                                var s = 0.0
                                for j in 0..<p { s += x[row + j] * t[j * r + m] }
                                q[m] = s
                            }
                            var leverage = 0.0
                            for m in 0..<r { leverage += q[m] * q[m] }
                            guard leverage < 1 - 1e-10 else { return false }
                            let omega = (counts?[i] ?? 1) * residuals[i] * residuals[i] / ((1 - leverage) * (1 - leverage))
                            for a in 0..<r {
                                let scaled = omega * q[a]
                                for b in a..<r { meat[a * r + b] += scaled * q[b] }
                            }
                        }
                        return true
                    }
                }
            }
        }
        guard complete else { return nil }
        let meat = Matrix(rows: r, columns: r, elements: meatElements)
        var inner = Matrix(rows: p, columns: r)   // T·meat
        for j in 0..<p {
            for b in 0..<r {
                var s = 0.0
                for a in 0..<r { s += factor[j, a] * (a <= b ? meat[a, b] : meat[b, a]) }
                inner[j, b] = s
            }
        }
        var covariance = Matrix(rows: p, columns: p)
        for i in 0..<p {
            for j in i..<p {
                var s = 0.0
                for m in 0..<r { s += inner[i, m] * factor[j, m] }
                covariance[i, j] = s
                covariance[j, i] = s
            }
        }
        return covariance
    }
}
