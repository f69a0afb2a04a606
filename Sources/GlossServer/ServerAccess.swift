#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

/// Who may use a running `gloss serve`: whoever holds the random token of the address it printed
/// (as Jupyter does), from a page the server itself served. The token comes in the URL once and
/// is then kept in a cookie (`HttpOnly`, `SameSite=Strict`); every write is a POST that must also
/// carry the CSRF value the server wrote into its own forms, and must not come from another origin.
public final class ServerAccess: Sendable {
    /// The secret of the printed address.
    public let token: String
    /// The value every form of the served pages carries.
    public let csrf: String
    private let boundPort = Mutex(0)

    /// The name of the cookie that keeps the token.
    public static let cookie = "gloss_token"

    public init() {
        token = Self.randomHex(bytes: 24)
        csrf = Self.randomHex(bytes: 24)
    }

    /// The port the server listens on (known once it is bound).
    public var port: Int {
        get { boundPort.withLock { $0 } }
        set { boundPort.withLock { $0 = newValue } }
    }

    /// `bytes` random bytes from the system's generator, in hexadecimal.
    static func randomHex(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return String(byte >> 4, radix: 16) + String(byte & 0xF, radix: 16)
        }.joined()
    }

    /// Compares two secrets in time that does not depend on where they differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8)
        let right = Array(b.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(left, right) { difference |= x ^ y }
        return difference == 0
    }

    /// The `Host` values this server answers: its loopback address and `localhost` with its port.
    /// Anything else (a DNS name rebound to 127.0.0.1 by a web page) is refused.
    func acceptsHost(_ host: String?) -> Bool {
        guard let host else { return false }
        let port = self.port
        return ["127.0.0.1:\(port)", "localhost:\(port)"].contains(host.lowercased())
    }

    /// Whether an `Origin` header, when a browser sent one, is this server's own.
    func acceptsOrigin(_ origin: String?) -> Bool {
        guard let origin else { return true }
        let port = self.port
        return ["http://127.0.0.1:\(port)", "http://localhost:\(port)"].contains(origin.lowercased())
    }

    /// Whether a `Sec-Fetch-Site` header, when a browser sent one, says the request comes from
    /// this server's pages (or from the address bar).
    func acceptsFetchSite(_ site: String?) -> Bool {
        guard let site else { return true }
        return site == "same-origin" || site == "none"
    }
}
