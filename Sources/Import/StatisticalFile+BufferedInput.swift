import CReadStat
import Foundation

extension StatisticalFile {
    /// ReadStat's access to a file through a buffer: ReadStat reads an uncompressed .sav one row at
    /// a time, a system call each (a million calls for a million rows, about a third of its time);
    /// here its reads are served from a megabyte read at once with `pread`.
    ///
    /// It behaves as ReadStat's own access (`readstat_io_unistd.c`): the same bytes, a short read
    /// only at the file's end, −1 on a failed read or a seek before the start, seeks from the start,
    /// the current place or the end. No progress handler is set, so an update only succeeds.
    struct BufferedInput {
        static let capacity = 1 << 20

        private var descriptor: Int32 = -1
        private let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
        /// The file offset of the buffer's first byte, and how many bytes it holds.
        private var bufferOffset = 0
        private var bufferCount = 0
        /// The file offset of the next read.
        private var position = 0

        /// Makes `parser` read its file through the input at `input`, which must outlive the parse.
        static func install(on parser: UnsafeMutablePointer<readstat_parser_t>, input: UnsafeMutablePointer<BufferedInput>) {
            readstat_set_open_handler(parser, { path, context in
                guard let path else { return -1 }
                return BufferedInput.at(context).pointee.open(path)
            })
            readstat_set_close_handler(parser, { context in BufferedInput.at(context).pointee.close() })
            readstat_set_seek_handler(parser, { offset, whence, context in
                readstat_off_t(BufferedInput.at(context).pointee.seek(Int(offset), from: whence))
            })
            readstat_set_read_handler(parser, { destination, count, context in
                guard let destination else { return -1 }
                return BufferedInput.at(context).pointee.read(into: destination, count: count)
            })
            readstat_set_update_handler(parser, { _, _, _, _ in READSTAT_OK })
            readstat_set_io_ctx(parser, input)
        }

        /// Frees the buffer.
        func deallocate() {
            buffer.deallocate()
        }

        private static func at(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<BufferedInput> {
            context!.assumingMemoryBound(to: BufferedInput.self)
        }

        private mutating func open(_ path: UnsafePointer<CChar>) -> Int32 {
            descriptor = Foundation.open(path, O_RDONLY)
            (bufferOffset, bufferCount, position) = (0, 0, 0)
            return descriptor
        }

        private mutating func close() -> Int32 {
            guard descriptor != -1 else { return 0 }
            defer { descriptor = -1 }
            return Foundation.close(descriptor)
        }

        private mutating func seek(_ offset: Int, from whence: readstat_io_flags_t) -> Int {
            let origin: Int
            switch whence {
            case READSTAT_SEEK_SET: origin = 0
            case READSTAT_SEEK_CUR: origin = position
            case READSTAT_SEEK_END:
                var status = stat()
                guard fstat(descriptor, &status) == 0 else { return -1 }
                origin = Int(status.st_size)
            default: return -1
            }
            let (target, overflow) = origin.addingReportingOverflow(offset)
            guard !overflow, target >= 0 else { return -1 }
            position = target
            return target
        }

        private mutating func read(into destination: UnsafeMutableRawPointer, count: Int) -> Int {
            var done = 0
            while done < count {
                if position >= bufferOffset && position < bufferOffset + bufferCount {
                    let available = min(bufferOffset + bufferCount - position, count - done)
                    (destination + done).copyMemory(from: buffer.baseAddress! + (position - bufferOffset), byteCount: available)
                    done += available
                    position += available
                    continue
                }
                let got = pread(descriptor, buffer.baseAddress!, Self.capacity, off_t(position))
                if got < 0 { return done > 0 ? done : -1 }
                if got == 0 { break }
                (bufferOffset, bufferCount) = (position, got)
            }
            return done
        }
    }
}
