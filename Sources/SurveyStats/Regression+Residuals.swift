import GSL

extension Regression.Sample {
    /// What one pass over the rows gives for some models' coefficients.
    struct Evaluation {
        /// Per model Σcᵢeᵢ², eᵢ = yᵢ − xᵢᵀb.
        let rss: [Double]
        /// Per model Σcᵢ(ŷᵢ − ȳ)² with an intercept, Σcᵢŷᵢ² without.
        let ssRegression: [Double]
        /// The last model's HC3 covariance when asked for; `nil` also when a case has leverage 1.
        let robustCovariance: Matrix?
    }

    /// One pass over the rows for the coefficients b of some models (p values each; 0 for a column
    /// outside a submodel): each residual eᵢ = yᵢ − xᵢᵀb in double-double arithmetic
    /// (``DotAccumulator``, the group's constant part Σ_{j ∈ aᵍ} bⱼ accumulated once per group), the
    /// residual and regression sums of squares over the cases (compensated), and with
    /// `robustFactor` — the last model's T, T·Tᵀ = (XᵀWX)⁻¹ — its HC3 covariance
    /// (``Regression/RobustMeat``). The models' residuals are independent computations on the same
    /// decoded row, so that evaluating the blocks' submodels costs little more than the full model.
    func evaluate(_ models: [[Double]], robustFactor: Matrix?) -> Evaluation {
        let k = numericColumns.count, count = models.count, groups = groupColumns.count
        let numericB = models.flatMap { b in numericColumns.map { b[$0] } }
        let constants = models.flatMap { b in
            groupColumns.map { columns in columns.reduce(into: DotAccumulator()) { $0.add(-b[$1]) } }
        }
        var rss = [CompensatedSum](repeating: CompensatedSum(), count: count)
        var ssRegression = rss
        let meat = robustFactor.map {
            Regression.RobustMeat(factor: $0, numericColumns: numericColumns, numericMeans: numericMeans, groupColumns: groupColumns)
        }
        let centre = design.hasIntercept ? responseMean : 0
        constants.withUnsafeBufferPointer { constants in
            numericB.withUnsafeBufferPointer { numericB in
                rss.withUnsafeMutableBufferPointer { rss in
                    ssRegression.withUnsafeMutableBufferPointer { ssRegression in
                        forEachRow { g, c, values in
                            let y = values[k]
                            var e = 0.0
                            for q in 0..<count {
                                var sum = constants[q &* groups &+ g]
                                sum.add(y)
                                for v in 0..<k { sum.addProduct(-values[v], numericB[q &* k &+ v]) }
                                e = sum.value
                                rss[q].add(c * e * e)
                                let fitted = (y - centre) - e
                                ssRegression[q].add(c * fitted * fitted)
                            }
                            meat?.add(group: g, values: values, count: c, residual: e)
                        }
                    }
                }
            }
        }
        return Evaluation(rss: rss.map(\.value), ssRegression: ssRegression.map(\.value), robustCovariance: meat?.covariance())
    }
}
