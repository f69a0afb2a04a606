#include "CGlossSIMD.h"

#if defined(__x86_64__)

#include <immintrin.h>

// The kernels carry their instruction sets as function attributes, so the package needs no
// compiler flag and the rest of the binary keeps the x86-64 baseline; the CPU is asked at run time.

bool gloss_simd_has_avx2(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt") && __builtin_cpu_supports("bmi");
}

bool gloss_simd_has_avx512bw(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("popcnt")
        && __builtin_cpu_supports("bmi");
}

/// A pass's state while a kernel runs, kept in registers.
typedef struct Cursor {
    intptr_t *feeds;
    intptr_t scalars;
    uint64_t unglued;
    GlossPassCandidate *found;
} Cursor;

/// Records chunk `k` (byte `64 k` on) of the pass from its masks (byte `i` of the chunk is bit `i`).
__attribute__((always_inline, target("popcnt,bmi")))
static inline void record(Cursor *cursor, intptr_t *feeds_start, intptr_t *counts, size_t k, uint64_t lines,
                          uint64_t brackets, uint64_t digits, uint64_t keeps_unglued, uint64_t continuations) {
    const intptr_t start = (intptr_t)(64 * k);
    counts[k] = cursor->scalars;
    cursor->scalars += 64 - (intptr_t)__builtin_popcountll(continuations);
    // The first two line feeds are written whether they exist or not (a missing one as the chunk's
    // end, past the count), so that the usual chunk, with up to two, costs no branch on how many.
    intptr_t *feeds = cursor->feeds;
    const intptr_t lines_before = feeds - feeds_start;
    uint64_t bits = lines;
    feeds[0] = start + (intptr_t)_tzcnt_u64(bits);
    bits = _blsr_u64(bits);
    feeds[1] = start + (intptr_t)_tzcnt_u64(bits);
    bits = _blsr_u64(bits);
    for (intptr_t *more = feeds + 2; bits != 0; bits = _blsr_u64(bits)) *more++ = start + (intptr_t)_tzcnt_u64(bits);
    cursor->feeds = feeds + __builtin_popcountll(lines);
    // Brackets, and digits after a byte that does not keep them unglued.
    uint64_t found = brackets | (digits & ~(keeps_unglued << 1 | cursor->unglued));
    cursor->unglued = keeps_unglued >> 63;
    for (; found != 0; found = _blsr_u64(found)) {
        const uint64_t offset = _tzcnt_u64(found);
        cursor->found->offset = start + (intptr_t)offset;
        cursor->found->line = lines_before + (intptr_t)__builtin_popcountll(lines & ((UINT64_C(1) << offset) - 1));
        cursor->found++;
    }
}

__attribute__((target("popcnt,bmi")))
static inline Cursor open_cursor(const GlossPass *pass) {
    Cursor cursor = { pass->lineFeeds + pass->lineFeedCount, pass->scalars, pass->unglued, pass->candidates + pass->candidateCount };
    return cursor;
}

__attribute__((target("popcnt,bmi")))
static inline void close_cursor(GlossPass *pass, Cursor cursor) {
    pass->lineFeedCount = cursor.feeds - pass->lineFeeds;
    pass->scalars = cursor.scalars;
    pass->unglued = cursor.unglued;
    pass->candidateCount = cursor.found - pass->candidates;
}

__attribute__((target("avx2,popcnt,bmi")))
static inline uint64_t mask_avx2(__m256i low, __m256i high) {
    return (uint64_t)(uint32_t)_mm256_movemask_epi8(low) | (uint64_t)(uint32_t)_mm256_movemask_epi8(high) << 32;
}

__attribute__((target("avx2,popcnt,bmi")))
size_t gloss_first_pass_avx2(const uint8_t *text, size_t first, size_t count, GlossPass *pass) {
    const __m256i line_feed = _mm256_set1_epi8('\n');
    const __m256i space = _mm256_set1_epi8(' ');
    const __m256i paren = _mm256_set1_epi8('(');
    const __m256i bracket = _mm256_set1_epi8('[');
    // Digits moved to 0x80...0x89 are the signed bytes below -118; continuation bytes are those below -64.
    const __m256i to_digits = _mm256_set1_epi8(0x50);
    const __m256i digit_bound = _mm256_set1_epi8(-118);
    const __m256i continuation_bound = _mm256_set1_epi8(-64);
    Cursor cursor = open_cursor(pass);
    GlossPassCandidate *const found_end = pass->candidates + pass->candidateRoom;
    size_t c = 0;
    for (; c < count && found_end - cursor.found >= 64; c++) {
        const __m256i *p = (const __m256i *)(text + 64 * (first + c));
        __m256i b0 = _mm256_loadu_si256(p), b1 = _mm256_loadu_si256(p + 1);
        __m256i d0 = _mm256_cmpgt_epi8(digit_bound, _mm256_add_epi8(b0, to_digits));
        __m256i d1 = _mm256_cmpgt_epi8(digit_bound, _mm256_add_epi8(b1, to_digits));
        record(&cursor, pass->lineFeeds, pass->scalarCounts, first + c,
               mask_avx2(_mm256_cmpeq_epi8(b0, line_feed), _mm256_cmpeq_epi8(b1, line_feed)),
               mask_avx2(_mm256_or_si256(_mm256_cmpeq_epi8(b0, paren), _mm256_cmpeq_epi8(b0, bracket)),
                         _mm256_or_si256(_mm256_cmpeq_epi8(b1, paren), _mm256_cmpeq_epi8(b1, bracket))),
               mask_avx2(d0, d1),
               mask_avx2(_mm256_or_si256(d0, _mm256_cmpeq_epi8(b0, space)), _mm256_or_si256(d1, _mm256_cmpeq_epi8(b1, space))),
               mask_avx2(_mm256_cmpgt_epi8(continuation_bound, b0), _mm256_cmpgt_epi8(continuation_bound, b1)));
    }
    close_cursor(pass, cursor);
    return c;
}

__attribute__((target("avx512f,avx512bw,popcnt,bmi")))
size_t gloss_first_pass_avx512bw(const uint8_t *text, size_t first, size_t count, GlossPass *pass) {
    const __m512i line_feed = _mm512_set1_epi8('\n');
    const __m512i space = _mm512_set1_epi8(' ');
    const __m512i paren = _mm512_set1_epi8('(');
    const __m512i bracket = _mm512_set1_epi8('[');
    const __m512i zero = _mm512_set1_epi8('0');
    const __m512i ten = _mm512_set1_epi8(10);
    const __m512i continuation_bound = _mm512_set1_epi8(-64);
    Cursor cursor = open_cursor(pass);
    GlossPassCandidate *const found_end = pass->candidates + pass->candidateRoom;
    size_t c = 0;
    for (; c < count && found_end - cursor.found >= 64; c++) {
        __m512i b = _mm512_loadu_si512((const void *)(text + 64 * (first + c)));
        const uint64_t digits = _mm512_cmplt_epu8_mask(_mm512_sub_epi8(b, zero), ten);
        record(&cursor, pass->lineFeeds, pass->scalarCounts, first + c,
               _mm512_cmpeq_epi8_mask(b, line_feed),
               _mm512_cmpeq_epi8_mask(b, paren) | _mm512_cmpeq_epi8_mask(b, bracket),
               digits,
               digits | _mm512_cmpeq_epi8_mask(b, space),
               _mm512_cmplt_epi8_mask(b, continuation_bound));
    }
    close_cursor(pass, cursor);
    return c;
}

#endif
