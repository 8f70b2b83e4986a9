/// The monomials of degree at most 4 in q variables u, numbered by degree and then in
/// lexicographic order of their variables (1; u₀, u₁, …; u₀², u₀u₁, …): each but the first is an
/// earlier one (its ``parent``) times one variable (its ``variable``), so a row's monomials cost a
/// multiplication each. ``DesignGroupTally`` keeps Σw² times each per group: the sums Σw²·φ and
/// Σw²·φφᵀ of φ = (1, u, uⱼuₖ for j ≤ k) that fourth moments need are among them (``phi``,
/// ``phiProduct``), C(q + 4, 4) numbers where φφᵀ alone has (q + 1)(q + 2)/2 squared.
struct FourthDegreeMonomials {
    let count: Int
    let parent: [Int]
    let variable: [Int]
    /// Per entry of φ, its monomial.
    let phi: [Int]
    /// Per pair of entries of φ (row-major), the monomial of their product.
    let phiProduct: [Int]

    init(variableCount q: Int) {
        // Each monomial as its variables, ascending.
        var monomials: [[Int]] = [[]], degree: [[Int]] = [[]]
        for _ in 1...4 {
            degree = degree.flatMap { monomial in ((monomial.last ?? 0)..<q).map { monomial + [$0] } }
            monomials += degree
        }
        let number = Dictionary(uniqueKeysWithValues: monomials.enumerated().map { ($1, $0) })
        // Every product of two monomials of degree ≤ 2 is numbered above.
        func numbered(_ monomial: [Int]) -> Int { number[monomial.sorted()]! }
        count = monomials.count
        parent = monomials.map { $0.isEmpty ? 0 : numbered(Array($0.dropLast())) }
        variable = monomials.map { $0.last ?? 0 }
        let phiMonomials = [[]] + (0..<q).map { [$0] } + (0..<q).flatMap { j in (j..<q).map { [j, $0] } }
        phi = phiMonomials.map(numbered)
        phiProduct = phiMonomials.flatMap { a in phiMonomials.map { b in numbered(a + b) } }
    }
}
