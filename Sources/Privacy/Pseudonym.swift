import Crypto
import Foundation
import Study
import SurveyData

/// Keyed pseudonyms for the IDs of interviewees: the first 16 hex digits (64 bits) of
/// HMAC-SHA256(key, ID) (RFC 2104; FIPS 198-1; through apple/swift-crypto), so that the same person
/// gets the same pseudonym in every run and wave with the same key, and nobody without the key can
/// look an ID up. Tested against `openssl dgst -sha256 -hmac KEY`.
public struct Pseudonym {
    private let key: SymmetricKey

    public static let hexDigits = 16

    public init(key: String) {
        self.key = SymmetricKey(data: Data(key.utf8))
    }

    /// The key from the environment variable the study file names.
    /// - Throws: ``PrivacyError/missingKey(variable:location:)`` when it is unset or empty.
    init(environment variable: (name: String, location: ConfigFileLocation), values: [String: String]) throws {
        guard let key = values[variable.name], !key.isEmpty else {
            throw PrivacyError.missingKey(variable: variable.name, location: variable.location)
        }
        self.init(key: key)
    }

    /// The pseudonym of `id`.
    public func of(_ id: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(id.utf8), using: key).prefix(Self.hexDigits / 2)
            .map { String(format: "%02x", $0) }.joined()
    }
}

/// Why the privacy gate cannot let a result through.
public enum PrivacyError: Error, CustomStringConvertible, Equatable {
    /// The study file names an environment variable for the pseudonyms' key that is not set.
    case missingKey(variable: String, location: ConfigFileLocation)

    public var description: String {
        switch self {
        case .missingKey(let variable, let location):
            return "\(location): the environment variable \(variable) is not set or empty (expected the key for the interviewees' pseudonymous IDs, e.g. export \(variable)=…; keep the key out of the study's folder)"
        }
    }
}
