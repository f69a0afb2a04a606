#include "CGlossSIMD.h"

#if defined(__x86_64__)

#include <immintrin.h>

// The kernels carry their instruction sets as function attributes, so the package needs no
// compiler flag and the rest of the binary keeps the x86-64 baseline; the CPU is asked at run time.

bool gloss_simd_has_avx2(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt");
}

bool gloss_simd_has_avx512bw(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("popcnt");
}

__attribute__((target("avx2,popcnt")))
static inline uint64_t mask_avx2(__m256i low, __m256i high) {
    return (uint64_t)(uint32_t)_mm256_movemask_epi8(low) | (uint64_t)(uint32_t)_mm256_movemask_epi8(high) << 32;
}

__attribute__((target("avx2,popcnt")))
void gloss_classify_chunks_avx2(const uint8_t *bytes, size_t chunk_count, GlossChunkClasses *out) {
    const __m256i line_feed = _mm256_set1_epi8('\n');
    const __m256i space = _mm256_set1_epi8(' ');
    const __m256i paren = _mm256_set1_epi8('(');
    const __m256i bracket = _mm256_set1_epi8('[');
    // Digits moved to 0x80...0x89 are the signed bytes below -118; continuation bytes are those below -64.
    const __m256i to_digits = _mm256_set1_epi8(0x50);
    const __m256i digit_bound = _mm256_set1_epi8(-118);
    const __m256i continuation_bound = _mm256_set1_epi8(-64);
    for (size_t c = 0; c < chunk_count; c++) {
        const __m256i *p = (const __m256i *)(bytes + 64 * c);
        __m256i b0 = _mm256_loadu_si256(p), b1 = _mm256_loadu_si256(p + 1);
        __m256i d0 = _mm256_cmpgt_epi8(digit_bound, _mm256_add_epi8(b0, to_digits));
        __m256i d1 = _mm256_cmpgt_epi8(digit_bound, _mm256_add_epi8(b1, to_digits));
        GlossChunkClasses classes;
        classes.lineFeeds = mask_avx2(_mm256_cmpeq_epi8(b0, line_feed), _mm256_cmpeq_epi8(b1, line_feed));
        classes.brackets = mask_avx2(_mm256_or_si256(_mm256_cmpeq_epi8(b0, paren), _mm256_cmpeq_epi8(b0, bracket)),
                                     _mm256_or_si256(_mm256_cmpeq_epi8(b1, paren), _mm256_cmpeq_epi8(b1, bracket)));
        classes.digits = mask_avx2(d0, d1);
        classes.keepsUnglued = mask_avx2(_mm256_or_si256(d0, _mm256_cmpeq_epi8(b0, space)),
                                         _mm256_or_si256(d1, _mm256_cmpeq_epi8(b1, space)));
        uint64_t continuations = mask_avx2(_mm256_cmpgt_epi8(continuation_bound, b0), _mm256_cmpgt_epi8(continuation_bound, b1));
        classes.codePoints = 64 - (uint64_t)__builtin_popcountll(continuations);
        out[c] = classes;
    }
}

__attribute__((target("avx512f,avx512bw,popcnt")))
void gloss_classify_chunks_avx512bw(const uint8_t *bytes, size_t chunk_count, GlossChunkClasses *out) {
    const __m512i line_feed = _mm512_set1_epi8('\n');
    const __m512i space = _mm512_set1_epi8(' ');
    const __m512i paren = _mm512_set1_epi8('(');
    const __m512i bracket = _mm512_set1_epi8('[');
    const __m512i zero = _mm512_set1_epi8('0');
    const __m512i ten = _mm512_set1_epi8(10);
    const __m512i continuation_bound = _mm512_set1_epi8(-64);
    for (size_t c = 0; c < chunk_count; c++) {
        __m512i b = _mm512_loadu_si512((const void *)(bytes + 64 * c));
        uint64_t digits = _mm512_cmplt_epu8_mask(_mm512_sub_epi8(b, zero), ten);
        GlossChunkClasses classes;
        classes.lineFeeds = _mm512_cmpeq_epi8_mask(b, line_feed);
        classes.brackets = _mm512_cmpeq_epi8_mask(b, paren) | _mm512_cmpeq_epi8_mask(b, bracket);
        classes.digits = digits;
        classes.keepsUnglued = digits | _mm512_cmpeq_epi8_mask(b, space);
        classes.codePoints = 64 - (uint64_t)__builtin_popcountll(_mm512_cmplt_epi8_mask(b, continuation_bound));
        out[c] = classes;
    }
}

#endif
