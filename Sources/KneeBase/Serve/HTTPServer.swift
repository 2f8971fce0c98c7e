import Foundation
import Glibc

/// A small HTTP/1.1 server on POSIX sockets for local previews: one thread per
/// connection, one request per connection (`Connection: close`), GET and HEAD.
public final class HTTPServer: Sendable {
    /// One parsed request.
    public struct Request: Sendable {
        public var method: String
        public var target: String
    }

    /// The socket a request arrived on; the handler writes the response to it.
    public struct Connection: Sendable {
        let fd: Int32

        /// Writes all of `bytes`; false when the client went away.
        @discardableResult
        public func send(_ bytes: [UInt8]) -> Bool {
            var sent = 0
            while sent < bytes.count {
                let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return false }
                sent += n
            }
            return true
        }

        /// Writes a whole response: status line, headers, `Content-Length` and (unless `head`) the body.
        @discardableResult
        public func respond(_ status: Int, _ reason: String, headers: [(String, String)] = [], body: [UInt8], head: Bool = false) -> Bool {
            var text = "HTTP/1.1 \(status) \(reason)\r\n"
            for (name, value) in headers { text += "\(name): \(value)\r\n" }
            text += "Content-Length: \(body.count)\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n"
            return send(Array(text.utf8) + (head ? [] : body))
        }
    }

    /// Why the server could not start.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    private let fd: Int32
    /// The port listened on (the one the system chose when 0 was asked for).
    public let port: UInt16
    public let host: String

    /// Binds `host:port` (an IPv4 address or `localhost`) and starts listening.
    public init(host: String, port: UInt16) throws {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        let name = host == "localhost" ? "127.0.0.1" : host
        guard inet_pton(AF_INET, name, &address.sin_addr) == 1 else {
            throw Failure(description: "\(host): not an IPv4 address (use 127.0.0.1, or 0.0.0.0 for every interface)")
        }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "cannot open a socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            let why = String(cString: strerror(errno))
            close(fd)
            throw Failure(description: "cannot listen on \(host):\(port): \(why)")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.fd = fd
        self.port = UInt16(bigEndian: actual.sin_port)
        self.host = name
    }

    /// True for 127.0.0.0/8 and `localhost`.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host.hasPrefix("127.")
    }

    /// Accepts connections forever, handling each on its own thread.
    public func run(_ handler: @escaping @Sendable (Request, Connection) -> Void) -> Never {
        while true {
            let client = accept(fd, nil, nil)
            if client < 0 {
                if errno != EINTR { usleep(50_000) }  // out of descriptors: let connections finish
                continue
            }
            Thread.detachNewThread {
                defer { close(client) }
                var timeout = timeval(tv_sec: 10, tv_usec: 0)
                setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                let connection = Connection(fd: client)
                guard let request = Self.readRequest(client) else {
                    connection.respond(400, "Bad Request", headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array("bad request\n".utf8))
                    return
                }
                handler(request, connection)
            }
        }
    }

    /// Reads the request head (at most 16 KB) and parses its request line.
    static func readRequest(_ fd: Int32) -> Request? {
        var head: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let end: [UInt8] = [13, 10, 13, 10]
        while head.count < 16384 {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return nil }
            head += buffer[0..<n]
            if let i = head.firstRange(of: end) {
                return parse(head[..<i.lowerBound])
            }
        }
        return nil
    }

    /// The method and target of a request head (`GET /path HTTP/1.1`).
    static func parse(_ head: ArraySlice<UInt8>) -> Request? {
        let line = head.prefix { $0 != 13 && $0 != 10 }
        let parts = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].starts(with: Array("HTTP/1.".utf8)), !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        return Request(method: String(decoding: parts[0], as: UTF8.self), target: String(decoding: parts[1], as: UTF8.self))
    }
}
