import SurveyData

/// The dates and times of SPSS and Stata files, which store them as numbers with a display format:
/// SPSS seconds since 14 October 1582 (formats `DATE`, `ADATE`, `EDATE`, `SDATE`, `JDATE`,
/// `DATETIME`, `YMDHMS`; `TIME` and `DTIME` are lengths of time in seconds), Stata days (`%td`) or
/// milliseconds (`%tc`, `%tC`) since 1 January 1960 (IBM SPSS Statistics Command Syntax Reference,
/// "Date and time formats"; Stata manual [D] datetime).
enum StatisticalDate {
    case date, dateTime, duration

    /// What a variable with display `format` holds, when it is a date, a date-time or a time length.
    init?(format: String, stata: Bool) {
        let upper = format.uppercased()
        if stata {
            if upper.hasPrefix("%TD") { self = .date } else if upper.hasPrefix("%TC") { self = .dateTime } else { return nil }
        } else if ["DATETIME", "YMDHMS"].contains(where: upper.hasPrefix) {
            self = .dateTime
        } else if ["DATE", "ADATE", "EDATE", "SDATE", "JDATE"].contains(where: upper.hasPrefix) {
            self = .date
        } else if ["TIME", "DTIME"].contains(where: upper.hasPrefix) {
            self = .duration
        } else {
            return nil
        }
    }

    /// `value` as ISO 8601 text (`2024-03-01`, `2024-03-01 09:15:02`), or as seconds for a duration;
    /// `nil` when it is out of the years 1–9999.
    func text(_ value: Double, stata: Bool) -> String? {
        if self == .duration { return MissingCode.format(value) }
        // Seconds from 1 January 1970 (SPSS epoch: 12,219,379,200 s earlier; Stata's: 3,653 days later).
        let seconds: Double
        if stata { seconds = self == .date ? value * 86_400 - 315_619_200 : value / 1_000 - 315_619_200 } else { seconds = value - 12_219_379_200 }
        guard seconds.isFinite, abs(seconds) < 253_402_300_800 else { return nil }
        let whole = Int(seconds.rounded(.down))
        let days = whole >= 0 ? whole / 86_400 : -((-whole + 86_399) / 86_400)
        let (year, month, day) = Self.civil(daysSince1970: days)
        guard (1...9999).contains(year) else { return nil }
        let date = "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(day, 2))"
        guard self == .dateTime else { return date }
        let time = whole - days * 86_400
        return "\(date) \(Self.padded(time / 3600, 2)):\(Self.padded(time / 60 % 60, 2)):\(Self.padded(time % 60, 2))"
    }

    /// The proleptic Gregorian date of a day count (Howard Hinnant, "chrono-Compatible Low-Level Date
    /// Algorithms", `civil_from_days`).
    static func civil(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
