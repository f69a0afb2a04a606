/// JSON text written straight into bytes, for the few outputs large enough that an encoder's cost
/// shows (`gloss cites --format jsonl`, the detection cache).
///
/// Constant pieces (`{"source":`) are static strings copied whole; strings are copied in runs that
/// need no escaping, so most of them are one copy.
public struct JSONBytes: ~Copyable {
    /// How control characters other than line feed, carriage return and tab are escaped.
    public enum ControlEscapes: Sendable {
        /// `\u0008` and `\u000c` like every other control character (the `gloss cites` output).
        case hex
        /// `\b` and `\f`, as Foundation's `JSONEncoder` writes them (the detection cache).
        case jsonEncoder
    }

    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// The number of bytes written.
    public private(set) var count = 0

    /// An empty text with room for `capacity` bytes (it grows when that is not enough).
    public init(capacity: Int = 256) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The JSON text written.
    public consuming func finish() -> [UInt8] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    private mutating func grow(_ needed: Int) {
        let larger = max(needed, capacity * 2)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.initialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }

    @inline(__always)
    private mutating func copy(_ bytes: UnsafePointer<UInt8>, _ length: Int) {
        reserve(length)
        (base + count).update(from: bytes, count: length)
        count += length
    }

    /// Appends `text` as it is (JSON punctuation and keys).
    @inline(__always)
    public mutating func raw(_ text: StaticString) {
        copy(text.utf8Start, text.utf8CodeUnitCount)
    }

    /// Appends one byte.
    @inline(__always)
    public mutating func byte(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    /// Appends bytes as they are.
    public mutating func bytes(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { if let start = $0.baseAddress { copy(start, $0.count) } }
    }

    /// Reserves `bound` bytes, the most `write` writes, and lets `write` write them through a
    /// ``Cursor`` that does not check for room at every piece: for lines whose longest possible
    /// length is known beforehand (a citation's, where every byte of a string escaped takes at
    /// most six).
    @inline(__always)
    public mutating func write(atMost bound: Int, _ write: (inout Cursor) -> Void) {
        reserve(bound)
        var cursor = Cursor(start: base, at: base + count)
        write(&cursor)
        let written = base.distance(to: cursor.position) - count
        precondition(written <= bound, "a JSON line longer than the room reserved for it")
        count += written
    }

    /// Writes JSON text into room reserved by ``JSONBytes/write(atMost:_:)``.
    public struct Cursor: ~Copyable {
        /// The start of the text, for `repeatWritten`.
        private let start: UnsafeMutablePointer<UInt8>
        /// Where the next byte goes.
        fileprivate private(set) var position: UnsafeMutablePointer<UInt8>

        fileprivate init(start: UnsafeMutablePointer<UInt8>, at position: UnsafeMutablePointer<UInt8>) {
            self.start = start
            self.position = position
        }

        /// The offset in the text where the next byte goes.
        public var offset: Int { start.distance(to: position) }

        /// Writes `text` as it is (JSON punctuation and keys).
        @inline(__always)
        public mutating func raw(_ text: StaticString) {
            position.update(from: text.utf8Start, count: text.utf8CodeUnitCount)
            position += text.utf8CodeUnitCount
        }

        /// Writes one byte.
        @inline(__always)
        public mutating func byte(_ byte: UInt8) {
            position.pointee = byte
            position += 1
        }

        /// Writes again the `length` bytes written from offset `offset`.
        @inline(__always)
        public mutating func repeatWritten(from offset: Int, length: Int) {
            position.update(from: start + offset, count: length)
            position += length
        }

        /// Writes the decimal digits of `value` (at most 20 bytes).
        public mutating func int(_ value: Int) {
            guard value >= 0 else {
                for byte in String(value).utf8 { self.byte(byte) }
                return
            }
            let digits = JSONBytes.digitCount(value)
            JSONBytes.writeDigits(value, count: digits, endingAt: position + digits)
            position += digits
        }

        /// Writes `value` as a JSON string, quotes included, escaped as ``JSONBytes/escaped(_:_:)`` does.
        public mutating func string(_ value: String) {
            byte(UInt8(ascii: "\""))
            escaped(value)
            byte(UInt8(ascii: "\""))
        }

        /// Writes `value` or `null`.
        @inline(__always)
        public mutating func optional(_ value: String?) {
            if let value { string(value) } else { raw("null") }
        }

        /// Writes the content of `value` escaped, without quotes, as ``JSONBytes/escaped(_:_:)`` does.
        public mutating func escaped(_ value: String, _ controls: ControlEscapes = .hex) {
            var value = value
            value.withUTF8 { escaped($0, controls) }
        }

        /// Writes `utf8` escaped, without quotes, as ``JSONBytes/escaped(_:_:)`` does.
        public mutating func escaped(_ utf8: UnsafeBufferPointer<UInt8>, _ controls: ControlEscapes = .hex) {
            guard let source = utf8.baseAddress else { return }
            var run = 0
            var index = 0
            // Eight bytes at a time while none of them needs an escape.
            while index + 8 <= utf8.count, !JSONBytes.mayNeedEscape(UnsafeRawPointer(source + index).loadUnaligned(as: UInt64.self)) {
                index += 8
            }
            while index < utf8.count {
                let byte = source[index]
                if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    position.update(from: source + run, count: index - run)
                    position += index - run
                    run = index + 1
                    switch byte {
                    case UInt8(ascii: "\""): raw(#"\""#)
                    case UInt8(ascii: "\\"): raw(#"\\"#)
                    case 0x0A: raw(#"\n"#)
                    case 0x0D: raw(#"\r"#)
                    case 0x09: raw(#"\t"#)
                    case 0x08 where controls == .jsonEncoder: raw(#"\b"#)
                    case 0x0C where controls == .jsonEncoder: raw(#"\f"#)
                    default:
                        let hex: StaticString = "0123456789abcdef"
                        raw(#"\u00"#)
                        self.byte(hex.utf8Start[Int(byte >> 4)])
                        self.byte(hex.utf8Start[Int(byte & 0xF)])
                    }
                }
                index += 1
            }
            position.update(from: source + run, count: utf8.count - run)
            position += utf8.count - run
        }
    }

    /// Appends again the `length` bytes written from offset `start` (a number written before).
    public mutating func repeatWritten(from start: Int, length: Int) {
        precondition(start >= 0 && length >= 0 && start + length <= count, "repeating bytes not yet written")
        reserve(length)
        (base + count).update(from: base + start, count: length)
        count += length
    }

    private static let digitPairs: StaticString =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

    /// Appends the decimal digits of `value`.
    public mutating func int(_ value: Int) {
        guard value >= 0 else {
            for byte in String(value).utf8 { self.byte(byte) }
            return
        }
        let digits = Self.digitCount(value)
        reserve(digits)
        Self.writeDigits(value, count: digits, endingAt: base + count + digits)
        count += digits
    }

    /// The number of decimal digits of `value` (not negative).
    @inline(__always)
    fileprivate static func digitCount(_ value: Int) -> Int {
        var digits = 1
        var limit = 10
        while value >= limit, digits < 19 {
            digits += 1
            limit = limit &* 10
        }
        return digits
    }

    /// Writes the `count` decimal digits of `value` (not negative) to the bytes before `end`, two
    /// digits a division, from a table of the hundred pairs.
    @inline(__always)
    fileprivate static func writeDigits(_ value: Int, count: Int, endingAt end: UnsafeMutablePointer<UInt8>) {
        let pairs = digitPairs.utf8Start
        var rest = value
        var index = end
        while rest >= 100 {
            let pair = Int(truncatingIfNeeded: rest % 100) &* 2
            rest /= 100
            index -= 2
            index[0] = pairs[pair]
            index[1] = pairs[pair + 1]
        }
        if rest >= 10 {
            index[-2] = pairs[rest &* 2]
            index[-1] = pairs[rest &* 2 + 1]
        } else {
            index[-1] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest)
        }
    }

    /// Appends `value` as a JSON string, quotes included.
    public mutating func string(_ value: String, _ controls: ControlEscapes = .hex) {
        byte(UInt8(ascii: "\""))
        escaped(value, controls)
        byte(UInt8(ascii: "\""))
    }

    /// Appends `value` or `null`.
    public mutating func optional(_ value: String?, _ controls: ControlEscapes = .hex) {
        if let value { string(value, controls) } else { raw("null") }
    }

    /// Appends the content of `value` escaped, without quotes: `"`, `\` and control characters are
    /// escaped as RFC 8259 requires; everything else (`/`, non-ASCII) is copied as UTF-8.
    public mutating func escaped(_ value: String, _ controls: ControlEscapes = .hex) {
        if value.utf8.withContiguousStorageIfAvailable({ escaped($0, controls) }) == nil {
            Array(value.utf8).withUnsafeBufferPointer { escaped($0, controls) }
        }
    }

    private mutating func escaped(_ utf8: UnsafeBufferPointer<UInt8>, _ controls: ControlEscapes) {
        // An escape takes at most six bytes.
        write(atMost: 6 * utf8.count) { $0.escaped(utf8, controls) }
    }

    /// Whether one of the eight bytes of `word` may be `"`, `\` or a control character (never
    /// false when one is; rarely true when none is).
    @inline(__always)
    fileprivate static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        // A byte below 0x20, or equal to one of the two (zero after the xor), borrows into its high bit.
        func below(_ x: UInt64, _ n: UInt64) -> UInt64 { (x &- ones &* n) & ~x & high }
        return below(word, 0x20) | below(word ^ (ones &* 0x22), 1) | below(word ^ (ones &* 0x5C), 1) != 0
    }
}
