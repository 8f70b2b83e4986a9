/// Where a study run is, for a progress display: which wave, what it is doing, and how many bytes
/// of all the waves' files are behind us.
public struct StudyProgress: Sendable, Equatable {
    /// Waves finished (analysed or failed).
    public var wavesDone: Int
    public var waveCount: Int
    /// The wave being worked on (its file stem).
    public var wave: String
    public var phase: Phase
    /// Bytes of the finished waves' files plus the bytes read of the current one.
    public var bytesProcessed: Int
    /// Bytes of every wave's file.
    public var totalBytes: Int

    public enum Phase: Sendable, Equatable {
        case reading, analysing
    }

    public init(wavesDone: Int, waveCount: Int, wave: String, phase: Phase, bytesProcessed: Int, totalBytes: Int) {
        self.wavesDone = wavesDone
        self.waveCount = waveCount
        self.wave = wave
        self.phase = phase
        self.bytesProcessed = bytesProcessed
        self.totalBytes = totalBytes
    }
}

/// Receives progress reports, possibly from several loader threads at once.
public typealias StudyProgressHandler = @Sendable (StudyProgress) -> Void
