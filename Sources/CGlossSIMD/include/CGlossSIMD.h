#ifndef CGLOSSSIMD_H
#define CGLOSSSIMD_H

// Byte classification for the first pass of Gloss's citation scanner (ScanLandmarks), with
// 32-byte (AVX2) and 64-byte (AVX-512BW) compares. Only the classification is here: which kernel
// runs, and everything done with its masks, is decided in Swift (GlossCore/ChunkClassifier.swift).
// The kernels exist on x86-64 only; elsewhere this header declares nothing.

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/// The bytes of one 64-byte chunk sorted for the first pass: byte `k` of the chunk is bit `k`.
typedef struct GlossChunkClasses {
    /// `\n`.
    uint64_t lineFeeds;
    /// `(` and `[`.
    uint64_t brackets;
    /// ASCII digits.
    uint64_t digits;
    /// Digits and spaces: the bytes after which a digit is not glued.
    uint64_t keepsUnglued;
    /// The number of bytes that are not UTF-8 continuation bytes (10xxxxxx): code points that start in the chunk.
    uint64_t codePoints;
} GlossChunkClasses;

#if defined(__x86_64__)

/// Whether this CPU and OS run `gloss_classify_chunks_avx2`.
bool gloss_simd_has_avx2(void);

/// Whether this CPU and OS run `gloss_classify_chunks_avx512bw`.
bool gloss_simd_has_avx512bw(void);

/// Classifies the `chunk_count` chunks of 64 bytes at `bytes` (any alignment) into `out[0..<chunk_count]`.
/// Only where `gloss_simd_has_avx2()`.
void gloss_classify_chunks_avx2(const uint8_t *bytes, size_t chunk_count, GlossChunkClasses *out);

/// As `gloss_classify_chunks_avx2`, with 64-byte compares. Only where `gloss_simd_has_avx512bw()`.
void gloss_classify_chunks_avx512bw(const uint8_t *bytes, size_t chunk_count, GlossChunkClasses *out);

#endif

#endif
