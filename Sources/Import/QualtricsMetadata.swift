/// The columns Qualtrics adds to every export besides the questions, and what each holds.
///
/// Names as in the current export (three header rows) and the legacy one (two rows, where the
/// metadata columns are tagged `V1`…`V10` and named on the second row).
enum QualtricsMetadata {
    static let roles: [String: ExportColumnRole] = [
        "ResponseId": .id, "ResponseID": .id,
        "StartDate": .date, "EndDate": .date, "RecordedDate": .date,
        "Duration (in seconds)": .duration,
        "Finished": .flag,
        "Progress": .percent,
        "Status": .codes(statusLabels),
        "DistributionChannel": .category, "UserLanguage": .category, "ResponseSet": .category,
        "IPAddress": .personal(numeric: false),
        "RecipientLastName": .personal(numeric: false), "RecipientFirstName": .personal(numeric: false),
        "RecipientEmail": .personal(numeric: false), "ExternalReference": .personal(numeric: false),
        "ExternalDataReference": .personal(numeric: false), "Name": .personal(numeric: false),
        "EmailAddress": .personal(numeric: false),
        "LocationLatitude": .personal(numeric: true), "LocationLongitude": .personal(numeric: true),
        "LocationAccuracy": .personal(numeric: true),
    ]

    /// Qualtrics' response-type codes of the Status column (Qualtrics support, "Understanding your dataset").
    static let statusLabels: [String: String] = [
        "0": "IP Address", "1": "Survey Preview", "2": "Survey Test", "4": "Imported", "8": "Spam",
        "9": "Survey Preview Spam", "12": "Imported Spam", "16": "Offline", "17": "Offline Survey Preview",
    ]
}
