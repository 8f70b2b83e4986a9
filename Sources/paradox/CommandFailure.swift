import ArgumentParser
import Foundation

/// Prints an error the way every command does, `paradox: error: …` on stderr, and exits with 1.
/// Every error Paradox throws says where (file, line, column) and what was expected.
func failing<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as ExitCode {
        throw error
    } catch let error as ValidationError {
        throw error
    } catch {
        FileHandle.standardError.write(Data("paradox: error: \(error)\n".utf8))
        throw ExitCode(1)
    }
}

/// Writes text to standard error (warnings, progress).
func printWarning(_ text: String) {
    FileHandle.standardError.write(Data("paradox: warning: \(text)\n".utf8))
}

/// Writes a note to standard error (what a command did that its output does not show).
func printNote(_ text: String) {
    FileHandle.standardError.write(Data("paradox: note: \(text)\n".utf8))
}
