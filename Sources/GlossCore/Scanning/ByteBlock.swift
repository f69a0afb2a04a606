#if arch(x86_64) && canImport(_Builtin_intrinsics.intel)
import _Builtin_intrinsics.intel
#endif

/// Sixteen UTF-8 bytes compared at once, for the scanners' passes over whole texts.
///
/// A compare's mask is reinterpreted as the lanes it is made of (0 or 0xFF): combining `SIMDMask`s
/// with `.|`/`.&` or `replacing(with:where:)` compiles to code that handles one lane at a time. On
/// x86-64, lanes become a bit mask through SSE2's `pmovmskb` and are summed through `psadbw` (both in
/// the baseline instruction set, so no compiler flag is needed); elsewhere through word arithmetic.
enum ByteBlock {
    typealias Lanes = SIMD16<UInt8>

    /// 0xFF in the lanes equal to `byte`.
    @inline(__always)
    static func equal(_ block: Lanes, _ byte: UInt8) -> Lanes {
        unsafeBitCast(block .== Lanes(repeating: byte), to: Lanes.self)
    }

    /// 0xFF in the lanes below `bound`.
    @inline(__always)
    static func below(_ block: Lanes, _ bound: UInt8) -> Lanes {
        unsafeBitCast(block .< Lanes(repeating: bound), to: Lanes.self)
    }

    /// 0xFF in the lanes holding an ASCII digit. (Moved to 0x80...0x89, the digits are the lanes below
    /// -118 as signed bytes: one compare, where an unsigned one takes two.)
    @inline(__always)
    static func digits(_ block: Lanes) -> Lanes {
        let moved = unsafeBitCast(block &+ Lanes(repeating: 0x50), to: SIMD16<Int8>.self)
        return unsafeBitCast(moved .< SIMD16<Int8>(repeating: -118), to: Lanes.self)
    }

    /// The high bit of each lane, lane `k` as bit `k`.
    @inline(__always)
    static func mask(_ lanes: Lanes) -> UInt64 {
        #if arch(x86_64) && canImport(_Builtin_intrinsics.intel)
        UInt64(truncatingIfNeeded: UInt16(truncatingIfNeeded: _mm_movemask_epi8(unsafeBitCast(lanes, to: __m128i.self))))
        #else
        portableMask(lanes)
        #endif
    }

    /// `mask` with word arithmetic: each word's high bits gathered into its top byte by one multiplication.
    @inline(__always)
    static func portableMask(_ lanes: Lanes) -> UInt64 {
        let words = unsafeBitCast(lanes, to: (UInt64, UInt64).self)
        let high: UInt64 = 0x8080_8080_8080_8080
        let gather: UInt64 = 0x0102_0408_1020_4080
        return ((words.0 & high) >> 7 &* gather) >> 56 | (((words.1 & high) >> 7 &* gather) >> 56) << 8
    }

    /// The sum of the sixteen lanes.
    @inline(__always)
    static func sum(_ lanes: Lanes) -> Int {
        #if arch(x86_64) && canImport(_Builtin_intrinsics.intel)
        let halves = unsafeBitCast(_mm_sad_epu8(unsafeBitCast(lanes, to: __m128i.self), _mm_setzero_si128()), to: (UInt64, UInt64).self)
        return Int(truncatingIfNeeded: halves.0 &+ halves.1)
        #else
        portableSum(lanes)
        #endif
    }

    /// `sum` with word arithmetic.
    @inline(__always)
    static func portableSum(_ lanes: Lanes) -> Int {
        let words = unsafeBitCast(lanes, to: (UInt64, UInt64).self)
        let pairs: UInt64 = 0x00FF_00FF_00FF_00FF
        // Bytes added in pairs into 16-bit lanes, then the four lanes added by one multiplication.
        let halves = (words.0 & pairs) &+ (words.0 >> 8 & pairs) &+ (words.1 & pairs) &+ (words.1 >> 8 & pairs)
        return Int(truncatingIfNeeded: (halves &* 0x0001_0001_0001_0001) >> 48)
    }
}
