import ArgumentParser
import GlossCore

struct ClaimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claim",
        abstract: "Tag spans of a source as claims and link them to the citations that support them.",
        discussion: """
        Claims live in annotations/<id>.json. They keep a code-point span and the quoted text with \
        its context, so 'gloss add --revise' can carry them to a new revision of the text.
        """,
        subcommands: [ClaimAdd.self, ClaimList.self, ClaimShow.self, ClaimEdit.self, ClaimRemove.self, ClaimSuggest.self]
    )
}

/// How claims are printed for people.
enum ClaimText {
    /// `c1a2b3c  source  120..180  anchored  energy,military  “quote…”`
    static func table(_ claims: [Claim]) -> String {
        TextTable.render(
            header: ["ID", "SOURCE", "SPAN", "STATUS", "TAGS", "CITES", "QUOTE"],
            rows: claims.map { claim in
                [claim.id, claim.source.rawValue, claim.position.description, claim.status.rawValue,
                 claim.tags.joined(separator: ","), "\(claim.citations.count)", "“\(QuoteError.short(claim.quote.exact, limit: 50))”"]
            })
    }

    /// Every field of one claim, one a line; each citation with its text, which `citationText` gives.
    static func details(_ claim: Claim, line: Int?, citationText: (CitationID) -> String? = { _ in nil }) -> String {
        var lines = [
            "claim      \(claim.id)",
            "source     \(claim.source)",
            "span       \(claim.position)" + (line.map { " (line \($0))" } ?? ""),
            "status     \(claim.status.rawValue)",
            "tags       \(claim.tags.joined(separator: ", "))",
        ]
        let citations = claim.citations.map { citation in
            citation.description + (citationText(citation).map { "  “\(oneLine($0))”" } ?? "")
        }
        lines.append("citations  " + (citations.first ?? ""))
        lines += citations.dropFirst().map { "           " + $0 }
        if let note = claim.note { lines.append("note       \(note)") }
        lines.append("revision   \(claim.revision.prefix(12))")
        lines.append("created    \(claim.created)")
        lines.append("modified   \(claim.modified)")
        if let reanchoring = claim.reanchoring {
            lines.append("carried    \(reanchoring.method.rawValue), score \(reanchoring.score), from revision \(reanchoring.from.prefix(12))")
            if let previous = reanchoring.previous { lines.append("was        “\(QuoteError.short(previous.exact, limit: 200))”") }
        }
        lines.append("quote      …\(oneLine(claim.quote.prefix))[\(oneLine(claim.quote.exact))]\(oneLine(claim.quote.suffix))…")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

extension ClaimText {
    /// Says on stderr when a typed quote matched the text only up to typographic variants
    /// (`'` typed for `’`), so the difference is not silent.
    static func noteVariants(typed: String, stored: String) {
        let variants = QuoteMatcher.typographicVariants(typed: typed, stored: stored)
        guard !variants.isEmpty else { return }
        let pairs = variants.map { "\($0.stored) where the quote has \($0.typed)" }.joined(separator: ", ")
        Terminal.note("note: the quote matched up to typographic variants (the text has \(pairs)); the claim keeps the text's own characters")
    }

    /// The summary `gloss add --revise` prints, naming the claims a person should look at.
    static func reanchorReport(_ summary: ReanchorSummary) -> String {
        var text = "claims carried over: \(summary.description)\n"
        if !summary.needsReview.isEmpty {
            text += "  needs review: \(summary.needsReview.joined(separator: " ")) (check with 'gloss claim show ID', fix with 'gloss claim edit ID --span')\n"
        }
        if !summary.orphaned.isEmpty {
            text += "  orphaned: \(summary.orphaned.joined(separator: " ")) (kept; give them a new place with 'gloss claim edit ID --quote TEXT')\n"
        }
        return text
    }
}
