#ifndef CGLOSSSIMD_H
#define CGLOSSSIMD_H

// Two hot loops of Gloss's citation scanner, in C.
// - The vector loop of its first pass (ScanLandmarks), with 32-byte (AVX2) and 64-byte (AVX-512BW)
//   compares: it records where the line feeds are, how many code points precede each 64-byte chunk,
//   and where the opening brackets and the digits glued to the byte before them are. Which kernel
//   runs, and what is made of those places, is decided in Swift (GlossCore/ChunkClassifier.swift,
//   ScanLandmarks.swift), whose portable loop does the same. The kernels exist on x86-64 only.
// - The walk back over the lines for the last reference-list heading (GlossCore/ReferenceListHeading.swift),
//   two million lines for 100 MB of text without a heading, where C's unchecked arithmetic is
//   measurably cheaper than the Swift loop it replaced. Every CPU.

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/// A place the first pass reads closer: its byte offset, and the index of its line (the number of
/// line feeds before it).
typedef struct GlossPassCandidate {
    intptr_t offset;
    intptr_t line;
} GlossPassCandidate;

/// The first pass over a text's chunks of 64 bytes, carried from one kernel call to the next.
typedef struct GlossPass {
    /// The offsets of the line feeds found so far; a call needs room after them for 64 a chunk.
    intptr_t *lineFeeds;
    intptr_t lineFeedCount;
    /// `scalarCounts[k]` is set to the number of code points before chunk `k` of the text.
    intptr_t *scalarCounts;
    /// The number of code points before the next chunk.
    intptr_t scalars;
    /// 1 when the byte before the next chunk keeps a digit after it unglued (a digit or a space).
    uint64_t unglued;
    /// The places found by the last call: `(`, `[`, and digits after a byte that does not keep them
    /// unglued, in order; `candidateCount` are written, `candidateRoom` fit.
    GlossPassCandidate *candidates;
    intptr_t candidateCount;
    intptr_t candidateRoom;
} GlossPass;

/// What a line must be to be tried as a reference-list heading: between `shortest` (at least 2) and `longest`
/// bytes long (line feed excluded), its first two bytes `b0 b1` a pair with bit `p & 63` of
/// `linePairs[p >> 6]` set, `p = b0 << 8 | b1` (1024 words); then, after any numbering (digits,
/// full stops, spaces, tabs), its next two bytes a pair set in `spellingPairs`, and what is left
/// before any final spaces and colons a length `n` (below 128) with bit `n & 63` of
/// `spellingLengths[n >> 6]` set.
typedef struct GlossHeadingFilter {
    const uint64_t *linePairs;
    const uint64_t *spellingPairs;
    uint64_t spellingLengths[2];
    intptr_t shortest;
    intptr_t longest;
} GlossHeadingFilter;

/// The lines of a text of `count` bytes, whose `feed_count` line feeds are at `line_feeds`, tried
/// from the end: line `k + 1` follows line feed `k` (line 0 opens the text, `k = -1`). Returns the
/// greatest `k <= from` (and `>= -1`) whose line passes `filter`, or -2 when none does. Every CPU.
intptr_t gloss_previous_heading_candidate(const uint8_t *text, intptr_t count, const intptr_t *line_feeds,
                                          intptr_t feed_count, intptr_t from, const GlossHeadingFilter *filter);

#if defined(__x86_64__)

/// Whether this CPU and OS run `gloss_first_pass_avx2`.
bool gloss_simd_has_avx2(void);

/// Whether this CPU and OS run `gloss_first_pass_avx512bw`.
bool gloss_simd_has_avx512bw(void);

/// Runs the pass over chunks `first ..< first + count` of `text` (any alignment), appending to
/// `pass`'s line feeds and candidates; stops early, before a chunk, when fewer than 64 candidate
/// places are left. Returns the number of chunks done. Only where `gloss_simd_has_avx2()`.
size_t gloss_first_pass_avx2(const uint8_t *text, size_t first, size_t count, GlossPass *pass);

/// As `gloss_first_pass_avx2`, with 64-byte compares. Only where `gloss_simd_has_avx512bw()`.
size_t gloss_first_pass_avx512bw(const uint8_t *text, size_t first, size_t count, GlossPass *pass);

#endif

#endif
