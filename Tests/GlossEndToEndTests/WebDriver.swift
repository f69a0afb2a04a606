import Foundation
import Testing

/// A W3C WebDriver session with headless chromium through `chromedriver`: just the commands the
/// reading-view tests use.
final class WebDriver {
    private let driver: Process
    private let base: URL
    private let session: String
    private let profile: URL

    /// Starts chromedriver on a free port and a headless chromium session of `width`×`height`.
    init(width: Int = 1280, height: Int = 1400) async throws {
        let port = try FreePort.find()
        driver = Process()
        driver.executableURL = URL(fileURLWithPath: try #require(Browser.driver))
        driver.arguments = ["--port=\(port)"]
        driver.standardOutput = FileHandle.nullDevice
        driver.standardError = FileHandle.nullDevice
        try driver.run()
        base = URL(string: "http://127.0.0.1:\(port)")!
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-chromium-\(UUID().uuidString)")
        // chromedriver takes a moment to listen.
        var ready = false
        for _ in 0..<100 where !ready {
            ready = (try? await Self.request(base.appendingPathComponent("status"), method: "GET", body: nil)) != nil
            if !ready { try await Task.sleep(nanoseconds: 100_000_000) }
        }
        let options: [String: Any] = [
            "binary": try #require(Browser.chromium),
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                     "--window-size=\(width),\(height)", "--user-data-dir=\(profile.path)"],
        ]
        do {
            let created = try await Self.request(base.appendingPathComponent("session"), method: "POST", body: [
                "capabilities": ["alwaysMatch": ["browserName": "chrome", "goog:chromeOptions": options]],
            ])
            session = try #require((created as? [String: Any])?["sessionId"] as? String)
        } catch {
            kill(driver.processIdentifier, SIGKILL)
            driver.waitUntilExit()
            throw error
        }
    }

    /// Ends the session and chromedriver.
    func quit() async {
        _ = try? await command("", method: "DELETE")
        // chromedriver does not stop on SIGTERM; its browser is gone with the session.
        kill(driver.processIdentifier, SIGKILL)
        driver.waitUntilExit()
        try? FileManager.default.removeItem(at: profile)
    }

    func open(_ url: String) async throws {
        _ = try await command("url", body: ["url": url])
    }

    var currentURL: String {
        get async throws { try await command("url", method: "GET") as? String ?? "" }
    }

    /// Runs `script` (a function body; `arguments[0]`… are `args`) in the page and returns its value.
    @discardableResult
    func execute(_ script: String, _ args: [Any] = []) async throws -> Any? {
        try await command("execute/sync", body: ["script": script, "args": args])
    }

    /// The id of the first element matching a CSS selector.
    func element(_ selector: String) async throws -> String {
        let value = try await command("element", body: ["using": "css selector", "value": selector])
        return try #require((value as? [String: Any])?.values.first as? String, "no element \(selector)")
    }

    func click(_ selector: String) async throws {
        _ = try await command("element/\(try await element(selector))/click", body: [:])
    }

    func type(_ text: String, into selector: String) async throws {
        _ = try await command("element/\(try await element(selector))/value", body: ["text": text])
    }

    /// A PNG of the viewport.
    func screenshot() async throws -> Data {
        let encoded = try #require(try await command("screenshot", method: "GET") as? String)
        return try #require(Data(base64Encoded: encoded))
    }

    private func command(_ path: String, method: String = "POST", body: [String: Any]? = nil) async throws -> Any? {
        let url = path.isEmpty ? base.appendingPathComponent("session/\(session)")
            : base.appendingPathComponent("session/\(session)/\(path)")
        return try await Self.request(url, method: method, body: method == "POST" ? (body ?? [:]) : nil)
    }

    private static func request(_ url: URL, method: String, body: [String: Any]?) async throws -> Any? {
        let payload = try body.map { try JSONSerialization.data(withJSONObject: $0) } ?? Data()
        let (status, data) = try LoopbackHTTP.send(method, port: url.port ?? 80, path: url.path, body: payload)
        let object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? [String: Any]
        let value = object?["value"]
        guard status == 200 else {
            throw WebDriverError.failed("\(method) \(url.path): \(String(decoding: data, as: UTF8.self))")
        }
        return value is NSNull ? nil : value
    }
}

/// HTTP/1.1 to a server on 127.0.0.1, one request a connection. chromedriver writes its header
/// lines without a space after the colon, which Foundation's URLSession on Linux refuses
/// ("Failed writing header"); this client reads only the status line and the body.
enum LoopbackHTTP {
    static func send(_ method: String, port: Int, path: String, body: Data) throws -> (status: Int, body: Data) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw WebDriverError.failed("socket") }
        defer { close(fd) }
        // A browser that stops answering fails the test within a minute instead of hanging it.
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else { throw WebDriverError.failed("connect to port \(port)") }
        var request = Data("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n".utf8)
        request += Data("Content-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n".utf8)
        request += body
        try request.withUnsafeBytes { buffer in
            var sent = 0
            while sent < buffer.count {
                let written = write(fd, buffer.baseAddress! + sent, buffer.count - sent)
                guard written > 0 else { throw WebDriverError.failed("write") }
                sent += written
            }
        }
        // Read the head, then as many bytes as its Content-Length says (the connection may stay open).
        var response = Data()
        var chunk = [UInt8](repeating: 0, count: 65536)
        var expected: Int?
        var bodyStart = 0
        while expected.map({ response.count < bodyStart + $0 }) ?? true {
            let count = read(fd, &chunk, chunk.count)
            if count <= 0 { break }
            response.append(contentsOf: chunk[0..<count])
            if expected == nil, let end = response.range(of: Data("\r\n\r\n".utf8)) {
                bodyStart = end.upperBound
                let head = String(decoding: response[..<end.lowerBound], as: UTF8.self).lowercased()
                let length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                expected = length.flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
            }
        }
        guard let end = response.range(of: Data("\r\n\r\n".utf8)) else { throw WebDriverError.failed("no response from port \(port)") }
        let head = String(decoding: response[..<end.lowerBound], as: UTF8.self)
        let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        return (status, Data(response[end.upperBound...]))
    }
}

enum WebDriverError: Error {
    case failed(String)
}

/// A TCP port nothing listens on now.
enum FreePort {
    static func find() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw WebDriverError.failed("socket") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw WebDriverError.failed("bind") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
