/// The design an estimate was made under, as the report names it: the weight type and the
/// variables in each role (``DesignDescription`` of `describe`, ``DesignResults`` of a study).
public protocol DesignRoles {
    /// `sampling`, `frequency` or `analytic`.
    var weightType: String { get }
    var weights: String? { get }
    var strata: String? { get }
    var psu: String? { get }
    var fpc: String? { get }
}

extension DesignDescription: DesignRoles {}
extension DesignResults: DesignRoles {}
