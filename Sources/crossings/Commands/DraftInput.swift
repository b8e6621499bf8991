import CrossingsCore
import Foundation

/// Reading a draft for `crossings check`: what is refused, and how it is said (docs/check.md,
/// "Hostile input").
///
/// - at most `limit` bytes: a larger file (or `/dev/zero`, or a pipe that never ends) is refused
///   without being read further, so memory stays bounded;
/// - UTF-8 only: a file with a byte that is not UTF-8 (Latin-1, UTF-16, a binary) is refused with
///   the line and byte offset of the first bad byte, rather than read with replacement characters
///   (a "�" in a number would change what is checked, silently);
/// - an error exits 2 and names the file.
enum DraftInput {
    /// 16 MB: a book-length draft is about 1 MB; 5 MB of prose are checked in under 10 s.
    static let limit = 16 * 1024 * 1024
    /// How long a named pipe given as a draft may stay silent before it is refused (seconds).
    static let fifoWait = 5

    struct Refused: Error { var message: String }

    /// The text of a file, or of standard input for "-".
    static func read(_ path: String, name: String) throws -> String {
        let handle: FileHandle
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            // Opened without waiting (a named pipe nobody writes to would block the open for ever); a
            // named pipe is then given `fifoWait` for its writer to start, and refused after that rather
            // than read as an empty draft ("No counts of travellers found" for a draft never read).
            let opened: OpenedFile
            do { opened = try OpenedFile.open(path) } catch { throw Refused(message: "\(name): cannot read the file") }
            if opened.kind == .directory {
                opened.close()
                throw Refused(message: "\(name): is a directory, not a draft")
            }
            if opened.kind == .namedPipe, !opened.waitForInput(seconds: fifoWait) {
                opened.close()
                throw Refused(message: "\(name): a named pipe nothing was written to within \(fifoWait) s (not read); write the draft into it first, or give the file itself")
            }
            opened.makeBlocking()
            handle = FileHandle(fileDescriptor: opened.fd, closeOnDealloc: true)
        }
        defer { if path != "-" { try? handle.close() } }
        var data = Data()
        while data.count <= limit {
            let chunk: Data
            do { chunk = try handle.read(upToCount: 1 << 20) ?? Data() } catch {
                throw Refused(message: "\(name): cannot read the file (\(error.localizedDescription))")
            }
            if chunk.isEmpty { break }
            data.append(chunk)
        }
        if data.count > limit {
            throw Refused(message: "\(name): larger than \(limit / 1024 / 1024) MB, too large to be a draft (not read)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Refused(message: "\(name): not UTF-8 text (\(firstInvalidByte(data))); save it as UTF-8, e.g. iconv -f WINDOWS-1252 -t UTF-8")
        }
        return text
    }

    /// "line 3, byte 0xFF at offset 120": where the first byte that is not UTF-8 stands.
    static func firstInvalidByte(_ data: Data) -> String {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = data.makeIterator()
        var offset = 0, line = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1, encoded.first == 0x0A { line += 1 }
                offset += encoded.count
            case .emptyInput:
                return "a byte sequence that is not UTF-8"
            case .error:
                let byte = data[data.startIndex + offset]
                return "line \(line), byte 0x\(String(byte, radix: 16, uppercase: true)) at offset \(offset)"
            }
        }
    }
}
