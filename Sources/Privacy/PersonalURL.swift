/// Whether a URL points at a person rather than at a page anyone may visit. A URL is personal when
/// - it is a `mailto:` link;
/// - its host is an IP address, or it carries user information (`https://jane@host/`);
/// - an `@` (or `%40`) follows the host: an e-mail address or a handle in its path, query or fragment;
/// - its host is a site of personal profiles (``profileSites``: facebook.com, linkedin.com,
///   instagram.com, twitter.com, x.com, …) and its path is not one of the site's common pages
///   (``sitePages``: `privacy`, `help`, `legal`, `company`, …);
/// - a path segment reads as a person: it starts with `~`, follows a profile word
///   (``profileWords``: `/in/`, `/user/`, `/people/`, `/profile/`, …), or is two to four words of
///   letters joined by `.`, `-` or `_` one of which (not the last) is a common given name (`jane.doe`,
///   `sarah-connor`; ``GivenNames``);
/// - its query names a person or a record (``idParameters``: `id`, `uid`, `user`, `email`,
///   `respondent`, …, or a name ending in `_id`) with a non-empty value.
/// Anything else is kept: `https://www.ftc.gov/privacy`, `example.com`, `https://example.org/search?q=trust`.
///
/// A URL is `http://` or `https://` and a host, `mailto:` and an address, or a host without a scheme
/// followed at once by `/`, `?` or `#` (`linkedin.com/in/jane-doe`); a host is two or more labels of
/// letters, digits and `-` ending in a label of two or more letters, or an IP address. Its text is
/// the run of characters up to white space or one of `<>"{}|\^` and a backquote (at most
/// ``maximumLength``), less trailing `.,;:!?)]'"`.
enum PersonalURL {
    static let maximumLength = 2_048

    static let profileSites: Set<String> = [
        "facebook.com", "fb.com", "linkedin.com", "instagram.com", "twitter.com", "x.com", "tiktok.com", "threads.net",
        "snapchat.com", "pinterest.com", "vk.com", "xing.com", "t.me", "wa.me", "github.com", "gitlab.com", "medium.com",
        "flickr.com", "soundcloud.com", "behance.net", "dribbble.com", "bsky.app", "mastodon.social",
    ]
    /// First path segments of ``profileSites`` that are the site's own pages, not a person's.
    static let sitePages: Set<String> = [
        "about", "ads", "business", "careers", "company", "developers", "events", "explore", "groups", "hashtag", "help",
        "home", "jobs", "legal", "login", "policies", "policy", "privacy", "search", "security", "settings", "share",
        "sharer", "sharer.php", "signup", "terms", "tos", "watch",
    ]
    /// Path segments after which the next segment names a person.
    static let profileWords: Set<String> = [
        "u", "user", "users", "in", "pub", "profile", "profiles", "people", "person", "member", "members", "author",
        "authors", "staff", "student", "students", "employee", "employees", "add", "contact",
    ]
    static let idParameters: Set<String> = [
        "id", "uid", "userid", "user", "username", "u", "email", "e-mail", "mail", "e", "name", "fullname", "firstname",
        "lastname", "token", "pid", "rid", "respondent", "respondentid", "participant", "participantid", "responseid",
        "recipient", "recipientid", "phone", "tel", "mobile", "fbid", "profileid", "memberid", "customerid", "accountid",
    ]

    /// Whether `url` (the URL's text, see above) is a personal URL.
    static func isPersonal(_ url: Substring) -> Bool {
        guard url.utf8.count <= 4 * maximumLength else { return false }
        let lower = url.lowercased()[...]
        if lower.hasPrefix("mailto:") { return lower.count > "mailto:".count }
        var rest = lower
        let hasScheme = lower.hasPrefix("http://") || lower.hasPrefix("https://")
        if hasScheme { rest = rest.drop { $0 != "/" }.dropFirst(2) }
        let authority = rest.prefix { !"/?#".contains($0) }
        let after = rest[authority.endIndex...]
        // Without a scheme, the host runs into a `/`, `?` or `#` with nothing between (see RunMatcher).
        if !hasScheme, after.isEmpty || authority.count > 253 || !authority.allSatisfy(isAddressCharacter) { return false }
        if authority.contains("@") { return hasScheme || isHost(authority.drop { $0 != "@" }.dropFirst()) }
        if authority.hasPrefix("[") { return hasScheme }
        var host = authority.prefix { $0 != ":" }
        if host.last == "." { host = host.dropLast() }
        if PersonalDataKind.isIPv4(host) { return true }
        guard isHost(host) else { return false }
        if after.contains("@") || after.contains("%40") { return true }
        let path = after.prefix { $0 != "?" && $0 != "#" }
        let segments = path.split(separator: "/")
        var site = host
        for prefix in ["www.", "m.", "mobile."] where site.hasPrefix(prefix) { site = site.dropFirst(prefix.count) }
        if let first = segments.first, profileSites.contains(String(site)), !sitePages.contains(String(first)) { return true }
        for (index, segment) in segments.enumerated() {
            if segment.hasPrefix("~") && segment.count > 1 { return true }
            if index > 0, profileWords.contains(String(segments[index - 1])) { return true }
            if readsAsName(segment) { return true }
        }
        let query = after.drop { $0 != "?" }.dropFirst().prefix { $0 != "#" }
        return query.split(whereSeparator: { $0 == "&" || $0 == ";" }).contains { parameter in
            let parts = parameter.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, !parts[1].isEmpty else { return false }
            return idParameters.contains(String(parts[0])) || parts[0].hasSuffix("_id")
        }
    }

    /// Two or more dot-separated labels of letters, digits and `-`, at most 253 characters, the
    /// last of two or more letters.
    private static func isHost(_ host: Substring) -> Bool {
        guard host.utf8.count <= 253 else { return false }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let top = labels.last, top.count >= 2, top.allSatisfy(\.isLetter) else { return false }
        return labels.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } }
    }

    /// A segment (lower-cased) of two to four words of letters joined by `.`, `-` or `_`, one of
    /// which but the last is a given name (looked up capitalised, as ``GivenNames`` lists them).
    private static func readsAsName(_ segment: Substring) -> Bool {
        let words = segment.split(whereSeparator: { $0 == "." || $0 == "-" || $0 == "_" }).map(String.init)
        guard (2...4).contains(words.count), words.allSatisfy({ $0.count >= 2 && $0.allSatisfy(\.isLetter) }) else { return false }
        return words.dropLast().contains { GivenNames.all.contains($0.prefix(1).uppercased() + $0.dropFirst()) }
    }

    /// The characters of an e-mail or IP address (as ``RunMatcher`` reads a word): a letter, a digit or one of `._%+-@:`.
    private static func isAddressCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || "._%+-@:".contains(character)
    }
}
