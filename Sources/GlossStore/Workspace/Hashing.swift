import Crypto

/// SHA-256 of stored bytes, as lower-case hex; it names a revision of a text.
public func sha256Hex(_ bytes: [UInt8]) -> String {
    bytes.withUnsafeBytes(sha256Hex)
}

/// SHA-256 of bytes where they lie, as lower-case hex.
func sha256Hex(_ bytes: UnsafeRawBufferPointer) -> String {
    hex(SHA256.hash(data: bytes))
}

/// A SHA-256 digest as lower-case hex.
func hex(_ digest: SHA256.Digest) -> String {
    digest.map { byte in
        let hex = String(byte, radix: 16)
        return byte < 16 ? "0" + hex : hex
    }.joined()
}
