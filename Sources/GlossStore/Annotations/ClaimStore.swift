import Foundation
import GlossCore

/// Where a new claim goes: a code-point span, or a quote found in the text.
public enum ClaimPlace: Sendable, Hashable {
    case span(TextSpan)
    /// The quote, matched whitespace-insensitively; `occurrence` (one-based) picks among several.
    case quote(String, occurrence: Int?)
}

/// A change to a claim; fields left nil or empty change nothing.
public struct ClaimChange: Sendable {
    public var addTags: [String] = []
    public var removeTags: [String] = []
    /// A new note; `.some(nil)` removes it.
    public var note: String??
    public var addCitations: [String] = []
    public var removeCitations: [String] = []
    public var place: ClaimPlace?

    public init() {}
}

/// The claims of a workspace, kept in `annotations/<id>.json`. Every change is a locked
/// read-modify-write of one file, so concurrent `gloss` processes never lose a claim.
public struct ClaimStore: Sendable {
    public let workspace: Workspace
    private let sources: SourceStore
    private let annotations: AnnotationStore

    public init(_ workspace: Workspace) {
        self.workspace = workspace
        sources = SourceStore(workspace)
        annotations = AnnotationStore(workspace)
    }

    /// The word `--cite` takes for the citation that ends the claim's sentence.
    public static let nearest = "nearest"

    /// Adds a claim on the current revision of the source named `name`.
    /// `citations` are citation ids, `SOURCE:START-END` or `START-END`, each a detected or manual
    /// citation of the current revision, or `nearest` for the citation that ends the claim's
    /// sentence.
    public func add(to name: String, at place: ClaimPlace, citations: [String] = [],
                    tags: [String] = [], note: String? = nil, now: Date = Date()) throws -> Claim {
        let id = try sources.id(named: name)
        return try annotations.update(id) { file in
            let text = SourceText(try sources.text(of: id))
            let revision = try sources.metadata(for: id).sha256
            let span = try resolve(place, in: text)
            let known = citations.isEmpty ? [] : try citationsNow(of: id, in: file)
            let cited = try citations.map { raw in try citation(raw, of: id, in: text, claim: span, known: known) }
            var taken = try idsInOtherSources(than: id)
            taken.formUnion(file.claims.map(\.id))
            let time = SourceStore.timestamp(now)
            let claim = Claim(id: ClaimIDs.make(source: id, span: span, taken: taken), source: id, revision: revision,
                              position: span, quote: TextQuoteSelector(of: span, in: text),
                              tags: tags, note: note.flatMap { $0.isEmpty ? nil : $0 }, citations: cited,
                              created: time, modified: time)
            file.claims.append(claim)
            return claim
        }
    }

    /// Candidate claims for the source named `name`: the sentence each of `detected` (the
    /// citations found in its current revision) closes, leaving out sentences already claimed.
    public func suggest(for name: String, detected: [Citation]) throws -> [ClaimSuggestion] {
        let id = try sources.id(named: name)
        let text = SourceText(try sources.text(of: id))
        return ClaimSuggester.suggest(in: text, citations: detected, existing: try annotations.annotations(for: id).claims)
    }

    /// Stores suggestions as claims linked to their citations, with `tags`. Suggestions that
    /// overlap a claim made in the meantime are skipped; returns the claims stored.
    public func accept(_ suggestions: [ClaimSuggestion], for name: String, tags: [String] = [], now: Date = Date()) throws -> [Claim] {
        let id = try sources.id(named: name)
        return try annotations.update(id) { file in
            let text = SourceText(try sources.text(of: id))
            let revision = try sources.metadata(for: id).sha256
            var taken = try idsInOtherSources(than: id)
            taken.formUnion(file.claims.map(\.id))
            let time = SourceStore.timestamp(now)
            var stored: [Claim] = []
            for suggestion in suggestions where !file.claims.contains(where: { $0.position.overlaps(suggestion.span) }) {
                try text.validate(suggestion.span)
                let claim = Claim(id: ClaimIDs.make(source: id, span: suggestion.span, taken: taken), source: id,
                                  revision: revision, position: suggestion.span,
                                  quote: TextQuoteSelector(of: suggestion.span, in: text), tags: tags,
                                  citations: suggestion.citations, created: time, modified: time)
                taken.insert(claim.id)
                file.claims.append(claim)
                stored.append(claim)
            }
            return stored
        }
    }

    /// Every claim of the workspace, by source and then position.
    public func all() throws -> [Claim] {
        try sources.all().flatMap { metadata in try annotations.annotations(for: metadata.id).claims }
    }

    /// The claims of one source, or of all sources, that carry `tag`, cite `citedWork` and have
    /// `status`, when those are given. `citedWork` is a work's key as `gloss refs --works` shows
    /// it, or a record's key as `gloss refs` shows it: claims citing any record of that work match.
    public func list(source name: String? = nil, tag: String? = nil, citedWork: String? = nil,
                     status: ClaimStatus? = nil) throws -> [Claim] {
        let ids = try name.map { [try sources.id(named: $0)] } ?? sources.all().map(\.id)
        // The citations of the work across the workspace (its key may come from another source's
        // records or the library): footnotes, reference lists, stubs, the library and manual
        // links alike.
        var citing: Set<CitationID>?
        if let citedWork {
            let (loaded, library) = try ReferenceLoader(sources.workspace).load([])
            let works = ReferenceLoader.works(loaded, library: library)
            let named = works.filter { $0.id == citedWork }
            let matching = named.isEmpty ? works.filter { $0.records.contains { $0.record.id == citedWork } } : named
            guard !matching.isEmpty || library.contains(where: { $0.id == citedWork }) else {
                throw ClaimError.unknownRecord(citedWork)
            }
            let keys = Set(matching.flatMap { $0.records.map(\.record.id) } + [citedWork])
            var found = Set(matching.flatMap { $0.citations.map(\.citation) })
            for source in loaded {
                for link in source.annotations.links where keys.contains(link.record) { found.insert(link.citation) }
            }
            citing = found
        }
        var result: [Claim] = []
        for id in ids {
            let file = try annotations.annotations(for: id)
            result += file.claims.filter { claim in
                (tag.map { claim.tags.contains($0) } ?? true)
                    && (status.map { claim.status == $0 } ?? true)
                    && (citing.map { !$0.isDisjoint(with: claim.citations) } ?? true)
            }
        }
        return result
    }

    /// The claim with this id.
    public func claim(_ id: String) throws -> Claim {
        guard ClaimIDs.isWellFormed(id) else { throw ClaimError.malformedClaimID(id) }
        guard let claim = try all().first(where: { $0.id == id }) else { throw ClaimError.unknownClaim(id) }
        return claim
    }

    /// Changes a claim; a new place re-anchors it on the current revision. A citation to add must
    /// be a detected or manual citation of the current revision, or `nearest`, the one that ends
    /// the claim's sentence.
    public func edit(_ claimID: String, _ change: ClaimChange, now: Date = Date()) throws -> Claim {
        let source = try claim(claimID).source
        return try annotations.update(source) { file in
            guard let index = file.claims.firstIndex(where: { $0.id == claimID }) else {
                throw ClaimError.unknownClaim(claimID)
            }
            var claim = file.claims[index]
            let text = SourceText(try sources.text(of: source))
            if let place = change.place {
                let span = try resolve(place, in: text)
                claim.position = span
                claim.quote = TextQuoteSelector(of: span, in: text)
                claim.revision = try sources.metadata(for: source).sha256
                claim.status = .anchored
                claim.reanchoring = nil
            }
            claim.tags = Claim.normalizedTags(claim.tags.filter { !change.removeTags.contains($0) } + change.addTags)
            if let note = change.note { claim.note = note.flatMap { $0.isEmpty ? nil : $0 } }
            let removed = try change.removeCitations.map { raw in
                try CitationID(parsing: raw, defaultSource: source)
            }
            for citation in removed where !claim.citations.contains(citation) {
                throw ClaimError.notLinked(claimID, citation)
            }
            let known = change.addCitations.isEmpty ? [] : try citationsNow(of: source, in: file)
            let added = try change.addCitations.map { raw in
                try citation(raw, of: source, in: text, claim: claim.position, known: known)
            }
            claim.citations = Array(Set(claim.citations.filter { !removed.contains($0) } + added)).sorted()
            claim.modified = SourceStore.timestamp(now)
            file.claims[index] = claim
            return claim
        }
    }

    /// Removes claims; all must exist, or nothing is removed.
    @discardableResult
    public func remove(_ ids: [String]) throws -> [Claim] {
        var bySource: [SourceID: [String]] = [:]
        for id in ids { bySource[try claim(id).source, default: []].append(id) }
        var removed: [Claim] = []
        for (source, claimIDs) in bySource.sorted(by: { $0.key < $1.key }) {
            removed += try annotations.update(source) { file in
                for id in claimIDs where !file.claims.contains(where: { $0.id == id }) {
                    throw ClaimError.unknownClaim(id)
                }
                let gone = file.claims.filter { claimIDs.contains($0.id) }
                file.claims.removeAll { claimIDs.contains($0.id) }
                return gone
            }
        }
        return removed
    }

    /// Carries every claim of `source` that is not on its current revision over to it (see
    /// `ClaimReanchorer`), and the manual citations, rejections and links with them (as every
    /// change of the annotations does, see `AnnotationStore`). Run after a new revision is stored;
    /// running it again does nothing.
    @discardableResult
    public func carryOver(_ source: SourceID, now: Date = Date()) throws -> ReanchorSummary {
        try annotations.update(source) { file in
            let metadata = try sources.metadata(for: source)
            let current = SourceText(try sources.text(of: source))
            var summary = ReanchorSummary()
            let stale = Set(file.claims.map(\.revision)).subtracting([metadata.sha256]).sorted()
            for revision in stale {
                // Without the old text (never stored, or damaged) only the quote search is left.
                let old = metadata.revisions.first { $0.sha256 == revision }
                    .flatMap { entry in try? sources.text(of: source, revision: entry.revision) }
                    .map(SourceText.init)
                let reanchorer = ClaimReanchorer(from: old, revision: revision, to: current, revision: metadata.sha256)
                let indexes = file.claims.indices.filter { file.claims[$0].revision == revision }
                let carried = reanchorer.reanchor(indexes.map { file.claims[$0] }, now: SourceStore.timestamp(now))
                for (index, claim) in zip(indexes, carried.claims) { file.claims[index] = claim }
                summary.kept += carried.summary.kept
                summary.moved += carried.summary.moved
                summary.needsReview += carried.summary.needsReview
                summary.orphaned += carried.summary.orphaned
            }
            return summary
        }
    }

    private func resolve(_ place: ClaimPlace, in text: SourceText) throws -> TextSpan {
        switch place {
        case let .span(span):
            try text.validate(span)
            guard span.length > 0 else { throw ClaimError.emptySpan(span) }
            return span
        case let .quote(quote, occurrence):
            return try QuoteMatcher(text).span(of: quote, occurrence: occurrence)
        }
    }

    /// The citations of the current revision of `source` as people decided them (`file` holds
    /// its annotations, read under the lock): detections less rejections, plus manual ones.
    private func citationsNow(of source: SourceID, in file: SourceAnnotations) throws -> [Citation] {
        let detections = try CitationIndex(workspace).detections(sources.metadata(for: source))
        return file.effectiveCitations(detections.scan.citations)
    }

    /// The citation `raw` names for a claim on `span`: a citation id that is one of `known`, or
    /// `nearest`.
    private func citation(_ raw: String, of source: SourceID, in text: SourceText, claim span: TextSpan,
                          known: [Citation]) throws -> CitationID {
        guard raw != Self.nearest else {
            guard let nearest = ClaimSuggester.nearestCitation(to: span, in: text, citations: known) else {
                throw ClaimError.noCitationInSentence(span)
            }
            return nearest.id
        }
        let citation = try CitationID(parsing: raw, defaultSource: source)
        guard citation.source == source else { throw ClaimError.citationInOtherSource(citation, source: source) }
        guard citation.span.end <= text.scalarCount else {
            throw ClaimError.citationOutsideText(citation, length: text.scalarCount)
        }
        guard known.contains(where: { $0.id == citation }) else {
            throw ClaimError.notACitation(citation, nearest: Citation.nearest(to: citation.span, among: known))
        }
        return citation
    }

    /// Claim ids used by the other sources (read while the caller holds the workspace lock).
    private func idsInOtherSources(than source: SourceID) throws -> Set<String> {
        var ids = Set<String>()
        for metadata in try sources.all() where metadata.id != source {
            ids.formUnion(try annotations.annotations(for: metadata.id).claims.map(\.id))
        }
        return ids
    }
}
