import CrossingsCore
import Foundation

/// Cuts a byte stream into LSP messages: `Content-Length: N` headers, a blank line, N bytes of JSON.
///
/// Bytes arrive as the pipe gives them (half a header, three messages at once); whatever is not yet
/// a whole message is kept for the next read. Nothing the peer sends can trap or grow memory without
/// bound: the length is parsed digit by digit with overflow checks, a body over `maxBody` is
/// refused (its bytes skipped as they come), and a header block over `maxHeader` is dropped. After
/// a header without a usable length the reader starts again at the next `Content-Length:`, so one
/// broken message costs that message only.
///
/// ```swift
/// var reader = MessageReader()
/// reader.append(Array("Content-Length: 2\r\n\r\n{}".utf8))
/// reader.next()   // .message([0x7B, 0x7D])
/// ```
public struct MessageReader: Sendable {
    public enum Event: Equatable, Sendable {
        /// A message's body (JSON, unparsed).
        case message([UInt8])
        /// A header or length that could not be used; the message is lost, the stream goes on.
        case error(String)
    }

    /// 16 MB: a draft of that size is already refused by `crossings check`.
    public static let maxBody = 16 << 20
    /// No client sends more than two short header fields.
    public static let maxHeader = 8 << 10

    private var buffer: [UInt8] = []
    private var start = 0
    /// Bytes of a refused body still to skip.
    private var skipping = 0
    /// A header block over `maxHeader` has been reported: the rest of it is dropped without another
    /// error (one per read would be dozens for one header), up to the blank line that ends it.
    private var droppingHeader = false

    public init() {}

    /// No part of a message is waiting for more bytes: the next frame written is read as it is.
    public var isIdle: Bool { start == buffer.count && skipping == 0 }

    public mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// The next message or error, or nil when more bytes are needed.
    public mutating func next() -> Event? {
        defer { compact() }
        if skipping > 0 {
            let n = min(skipping, buffer.count - start)
            start += n
            skipping -= n
            if skipping > 0 { return nil }
        }
        guard let end = headerEnd() else {
            if buffer.count - start > Self.maxHeader {
                // Keep the tail: a `Content-Length:` may be arriving across the cut.
                start = buffer.count - 32
                if droppingHeader { return nil }
                droppingHeader = true
                return .error("a header of over \(Self.maxHeader) bytes without a blank line after it: dropped")
            }
            return nil
        }
        let header = buffer[start..<end.headerEnd]
        let bodyStart = end.bodyStart
        let dropped = droppingHeader
        droppingHeader = false
        switch Self.contentLength(header) {
        case .failure(let problem):
            start = bodyStart
            // The end of a header already reported as too long: said once is enough.
            if dropped { return next() }
            return .error(problem.text)
        case .success(let length):
            if length > Self.maxBody {
                start = bodyStart
                skipping = length
                return .error("a message of \(length) bytes is over the \(Self.maxBody >> 20) MB limit: refused")
            }
            guard buffer.count - bodyStart >= length else { return nil }
            let body = Array(buffer[bodyStart..<(bodyStart + length)])
            start = bodyStart + length
            return .message(body)
        }
    }

    /// Where the header block ends ("\r\n\r\n"; a bare "\n\n" is taken too), if it has.
    private func headerEnd() -> (headerEnd: Int, bodyStart: Int)? {
        var i = start
        while i < buffer.count {
            if buffer[i] == 0x0A {
                if i + 1 < buffer.count, buffer[i + 1] == 0x0A { return (i, i + 2) }
                if i + 2 < buffer.count, buffer[i + 1] == 0x0D, buffer[i + 2] == 0x0A { return (i, i + 3) }
            }
            i += 1
        }
        return nil
    }

    /// The value of the last `Content-Length:` field in a header block (the last, so that junk left
    /// by a broken message before a good header does not hide it).
    static func contentLength(_ header: ArraySlice<UInt8>) -> Result<Int, Problem> {
        let name = Array("content-length:".utf8)
        var found: Int?
        var i = header.startIndex
        while i + name.count <= header.endIndex {
            var match = true
            for k in 0..<name.count where header[i + k] | (header[i + k] >= 0x41 && header[i + k] <= 0x5A ? 0x20 : 0) != name[k] {
                match = false; break
            }
            if match { found = i + name.count; i += name.count } else { i += 1 }
        }
        guard let at = found else { return .failure(Problem("a header without Content-Length")) }
        var k = at
        while k < header.endIndex, header[k] == 0x20 || header[k] == 0x09 { k += 1 }
        var value = 0
        var digits = 0
        while k < header.endIndex, header[k] >= 0x30, header[k] <= 0x39 {
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (plus, o2) = times.addingReportingOverflow(Int(header[k] - 0x30))
            // Past any body that could be accepted: the exact value no longer matters, only that it is too large.
            if o1 || o2 { return .failure(Problem("Content-Length is not a length: too large a number")) }
            value = plus
            digits += 1
            k += 1
        }
        while k < header.endIndex, header[k] == 0x20 || header[k] == 0x09 || header[k] == 0x0D { k += 1 }
        guard digits > 0, k == header.endIndex || header[k] == 0x0A else {
            let shown = String(decoding: header[at..<min(header.endIndex, at + 20)], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return .failure(Problem("Content-Length is not a length: '\(visible(shown))'"))
        }
        return .success(value)
    }

    private mutating func compact() {
        if start > 65_536 && start * 2 > buffer.count {
            buffer.removeSubrange(0..<start)
            start = 0
        } else if start == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.count < 1 << 20)
            start = 0
        }
    }

    struct Problem: Error { var text: String; init(_ text: String) { self.text = text } }

    /// A message with its header, as the server writes it.
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}
