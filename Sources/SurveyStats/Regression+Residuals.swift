import GSL

extension Regression.Sample {
    /// What one pass over the rows gives for coefficients b.
    struct Evaluation {
        /// Σcᵢeᵢ², eᵢ = yᵢ − xᵢᵀb.
        let rss: Double
        /// Σcᵢ(ŷᵢ − ȳ)² with an intercept, Σcᵢŷᵢ² without.
        let ssRegression: Double
        /// The HC3 covariance when asked for; `nil` also when a case has leverage 1.
        let robustCovariance: Matrix?
    }

    /// One pass over the rows for b (p values; 0 for a column outside a submodel): each residual
    /// eᵢ = yᵢ − xᵢᵀb in double-double arithmetic (``DotAccumulator``, the group's constant part
    /// Σ_{j ∈ aᵍ} bⱼ accumulated once per group), the residual and regression sums of squares over
    /// the cases (compensated), and with `robustFactor` — T with T·Tᵀ = (XᵀWX)⁻¹ — the HC3
    /// covariance (``Regression/RobustMeat``).
    func evaluate(_ b: [Double], robustFactor: Matrix?) -> Evaluation {
        let k = numericColumns.count
        let numericB = numericColumns.map { b[$0] }
        let constants = groupColumns.map { columns in
            columns.reduce(into: DotAccumulator()) { $0.add(-b[$1]) }
        }
        var rss = CompensatedSum(), ssRegression = CompensatedSum()
        let meat = robustFactor.map { Regression.RobustMeat(factor: $0, numericColumns: numericColumns, groupColumns: groupColumns) }
        let centre = design.hasIntercept ? responseMean : 0
        constants.withUnsafeBufferPointer { constants in
            numericB.withUnsafeBufferPointer { numericB in
                forEachRow { g, c, values in
                    let y = values[k]
                    var sum = constants[g]
                    sum.add(y)
                    for v in 0..<k { sum.addProduct(-values[v], numericB[v]) }
                    let e = sum.value
                    rss.add(c * e * e)
                    let fitted = (y - centre) - e
                    ssRegression.add(c * fitted * fitted)
                    meat?.add(group: g, values: values, count: c, residual: e)
                }
            }
        }
        return Evaluation(rss: rss.value, ssRegression: ssRegression.value, robustCovariance: meat?.covariance())
    }
}
