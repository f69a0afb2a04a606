/// Thresholds for carrying claims to a new revision.
public struct ReanchorPolicy: Sendable, Hashable {
    /// A new place scoring at least this (and whose quote is at least `acceptQuote` similar) is
    /// accepted: the claim is `moved`.
    public var accept: Double
    public var acceptQuote: Double
    /// Below `accept` but at least this: the claim goes to the best place and `needs-review`.
    /// Lower still: `orphaned`.
    public var review: Double

    public init(accept: Double = 0.85, acceptQuote: Double = 0.85, review: Double = 0.55) {
        self.accept = accept
        self.acceptQuote = acceptQuote
        self.review = review
    }
}

/// What happened to the claims when a revision was stored.
public struct ReanchorSummary: Sendable, Hashable, CustomStringConvertible {
    /// Claim ids by outcome.
    public var kept: [String] = []
    public var moved: [String] = []
    public var needsReview: [String] = []
    public var orphaned: [String] = []

    public init() {}

    public var total: Int { kept.count + moved.count + needsReview.count + orphaned.count }

    /// `12 claims: 9 kept, 2 moved, 1 needs review, 0 orphaned`.
    public var description: String {
        "\(total) claim\(total == 1 ? "" : "s"): \(kept.count) kept, \(moved.count) moved, \(needsReview.count) need\(needsReview.count == 1 ? "s" : "") review, \(orphaned.count) orphaned"
    }
}

/// Carries claims from one revision of a text to the next.
///
/// In order: the same position if the exact quote is still there; else the position mapped
/// through a diff of the two revisions; else a fuzzy search for the quote. Every candidate is
/// scored on the quote, its prefix and suffix, and nearness to where the diff puts it; the best
/// is accepted above `policy.accept` (moved), kept for review above `policy.review`, and below
/// that the claim is orphaned. No claim is ever dropped.
public struct ClaimReanchorer: Sendable {
    public let old: SourceText?
    public let oldRevision: String?
    public let new: SourceText
    public let newRevision: String
    public let policy: ReanchorPolicy
    private let diff: TextDiff?
    private let skeleton: QuoteSkeleton

    /// `old` is the text the claims were made on, when it is still stored; without it only the
    /// fuzzy search is possible.
    public init(from old: SourceText?, revision oldRevision: String?, to new: SourceText, revision newRevision: String,
                policy: ReanchorPolicy = ReanchorPolicy()) {
        self.old = old
        self.oldRevision = oldRevision
        self.new = new
        self.newRevision = newRevision
        self.policy = policy
        diff = old.map { TextDiff(from: $0, to: new) }
        skeleton = QuoteSkeleton(new.string)
    }

    /// The claims carried to the new revision (same order), and what happened to each.
    /// Claims already on the new revision are returned unchanged and not counted.
    public func reanchor(_ claims: [Claim], now: String) -> (claims: [Claim], summary: ReanchorSummary) {
        var summary = ReanchorSummary()
        var result: [Claim] = []
        for claim in claims {
            guard claim.revision != newRevision else {
                result.append(claim)
                continue
            }
            let carried = reanchor(claim, now: now)
            switch carried.status {
            case .anchored: summary.kept.append(claim.id)
            case .moved: summary.moved.append(claim.id)
            case .needsReview: summary.needsReview.append(claim.id)
            case .orphaned: summary.orphaned.append(claim.id)
            }
            result.append(carried)
        }
        return (result, summary)
    }

    /// A scored place for a claim in the new text.
    struct Candidate {
        var span: TextSpan
        var method: ClaimReanchoring.Method
        var quote: Double
        var score: Double
    }

    /// One claim carried over, with its citations: a citation id names a span of the revision, so
    /// it moves with the text too.
    func reanchor(_ claim: Claim, now: String) -> Claim {
        var carried = place(claim, now: now)
        carried.citations = claim.citations.map { citation in
            var moved = citation
            if let diff, claim.revision == oldRevision {
                moved.span = diff.map(citation.span)
            } else {
                let shift = carried.position.start - claim.position.start
                let start = min(max(0, citation.span.start + shift), new.scalarCount)
                moved.span = TextSpan(start: start, end: min(max(start, citation.span.end + shift), new.scalarCount))
            }
            return moved
        }.sorted()
        return carried
    }

    /// The claim at its place in the new revision.
    private func place(_ claim: Claim, now: String) -> Claim {
        var carried = claim
        carried.revision = newRevision
        carried.modified = now
        let fromRevision = claim.revision
        let sameText = claim.revision == oldRevision
        // 1. The same position.
        if claim.status != .orphaned, claim.position.end <= new.scalarCount, !claim.quote.exact.isEmpty,
           new.slice(claim.position) == claim.quote.exact {
            carried.quote = TextQuoteSelector(of: claim.position, in: new)
            if claim.status != .needsReview {
                carried.status = .anchored
                carried.reanchoring = nil
            }
            return carried
        }
        // 2. Through the diff, 3. by fuzzy search; the best scoring candidate wins.
        let expected: TextSpan
        if let diff, sameText {
            expected = diff.map(claim.position)
        } else {
            let start = min(claim.position.start, new.scalarCount)
            expected = TextSpan(start: start, end: min(max(start, claim.position.end), new.scalarCount))
        }
        var candidates: [Candidate] = []
        if diff != nil, sameText, let span = trimmed(expected) {
            candidates.append(score(span, for: claim, expected: expected, method: .diff))
        }
        // The fuzzy search reads the whole text; skip it when the diff already found a good place.
        if !candidates.contains(where: { $0.score >= policy.accept && $0.quote >= policy.acceptQuote }) {
            let pattern = QuoteSkeleton(claim.quote.exact)
            for hit in ApproximateMatch.search(pattern.values, in: skeleton.values,
                                               maxDistance: pattern.count / 2, limit: 5) {
                candidates.append(score(skeleton.span(of: hit.range), for: claim, expected: expected, method: .fuzzy))
            }
        }
        let best = candidates.max { ($0.score, $0.method == .diff ? 1 : 0) < ($1.score, $1.method == .diff ? 1 : 0) }
        guard let best, best.score >= policy.review else {
            carried.position = TextSpan(start: expected.start, end: expected.start)
            carried.status = .orphaned
            carried.reanchoring = ClaimReanchoring(from: fromRevision, method: .none, score: best?.score ?? 0,
                                                   previous: claim.reanchoring?.previous)
            return carried
        }
        let quote = TextQuoteSelector(of: best.span, in: new)
        carried.position = best.span
        carried.quote = quote
        carried.status = best.score >= policy.accept && best.quote >= policy.acceptQuote ? .moved : .needsReview
        carried.reanchoring = ClaimReanchoring(from: fromRevision, method: best.method, score: best.score,
                                               previous: quote.exact == claim.quote.exact ? nil : claim.quote)
        return carried
    }

    /// `span` without whitespace at its edges, or nil when nothing else is left.
    private func trimmed(_ span: TextSpan) -> TextSpan? {
        let scalars = new.string.unicodeScalars
        var start = span.start
        var end = span.end
        var index = scalars.index(scalars.startIndex, offsetBy: start)
        while start < end, scalars[index].properties.isWhitespace {
            start += 1
            index = scalars.index(after: index)
        }
        guard start < end else { return nil }
        var last = scalars.index(scalars.startIndex, offsetBy: end - 1)
        while end > start, scalars[last].properties.isWhitespace {
            end -= 1
            last = scalars.index(before: last)
        }
        return TextSpan(start: start, end: end)
    }

    /// Scores a candidate: mostly the quote, then the context either side, then nearness.
    private func score(_ span: TextSpan, for claim: Claim, expected: TextSpan, method: ClaimReanchoring.Method) -> Candidate {
        let quote = ApproximateMatch.similarity(QuoteSkeleton(claim.quote.exact).values, QuoteSkeleton(new.slice(span)).values)
        let oldPrefix = QuoteSkeleton(claim.quote.prefix).values
        let oldSuffix = QuoteSkeleton(claim.quote.suffix).values
        let prefixStart = max(0, span.start - claim.quote.prefix.unicodeScalars.count - 8)
        let newPrefix = QuoteSkeleton(new.slice(TextSpan(start: prefixStart, end: span.start))).values.suffix(oldPrefix.count)
        let suffixEnd = min(new.scalarCount, span.end + claim.quote.suffix.unicodeScalars.count + 8)
        let newSuffix = QuoteSkeleton(new.slice(TextSpan(start: span.end, end: suffixEnd))).values.prefix(oldSuffix.count)
        let prefix = ApproximateMatch.similarity(oldPrefix, Array(newPrefix))
        let suffix = ApproximateMatch.similarity(oldSuffix, Array(newSuffix))
        let scale = Double(max(200, new.scalarCount / 10))
        let nearness = max(0, 1 - Double(abs(span.start - expected.start)) / scale)
        let total = 0.6 * quote + 0.15 * prefix + 0.15 * suffix + 0.1 * nearness
        return Candidate(span: span, method: method, quote: quote, score: total)
    }
}
