#include "CGlossSIMD.h"

// Lines are tried from the end of the text, and most texts scanned have no heading, so every line
// is tried: most are dismissed by their length alone, the rest by their first two bytes.

intptr_t gloss_previous_heading_candidate(const uint8_t *text, intptr_t count, const intptr_t *line_feeds,
                                          intptr_t feed_count, intptr_t from, const GlossHeadingFilter *filter) {
    const uintptr_t span = (uintptr_t)(filter->longest - filter->shortest);
    const uint64_t *pairs = filter->linePairs;
    for (intptr_t k = from; k >= -1; k--) {
        const intptr_t start = k >= 0 ? line_feeds[k] + 1 : 0;
        const intptr_t end = k + 1 < feed_count ? line_feeds[k + 1] : count;
        // Blank lines and lines of text mostly alternate, a pattern the branch on the length predicts;
        // only a line that fits (at least two bytes long) is read.
        if ((uintptr_t)(end - start - filter->shortest) > span) continue;
        const unsigned pair = (unsigned)text[start] << 8 | text[start + 1];
        if (!(pairs[pair >> 6] >> (pair & 63) & 1)) continue;
        // Few lines get here (about one in twenty): the spelling after any numbering, by its first
        // two bytes and its length.
        intptr_t a = start;
        while (a < end && ((uint8_t)(text[a] - '0') < 10 || text[a] == '.' || text[a] == ' ' || text[a] == '\t')) a++;
        if (end - a < 2) continue;
        const unsigned spelling = (unsigned)text[a] << 8 | text[a + 1];
        if (!(filter->spellingPairs[spelling >> 6] >> (spelling & 63) & 1)) continue;
        intptr_t b = end;
        while (b > a && (text[b - 1] == ' ' || text[b - 1] == '\n' || text[b - 1] == '\t' || text[b - 1] == '\r' || text[b - 1] == ':')) b--;
        const intptr_t length = b - a;
        if (length < 128 && filter->spellingLengths[length >> 6] >> (length & 63) & 1) return k;
    }
    return -2;
}
