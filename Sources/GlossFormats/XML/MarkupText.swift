import CLibXML2
import GlossCore

/// What a markup vocabulary (TEI, JATS) calls its blocks, its notes and its citations.
struct MarkupVocabulary: Sendable {
    /// Elements whose content is one paragraph of the text.
    var blocks: Set<String>
    /// Elements left out, with everything inside them.
    var skipped: Set<String>
    /// Notes met inside a block: moved after the body, each a paragraph of its own.
    var notes: Set<String>
    /// Empty elements that stand for a line or page break (a space in the text).
    var breaks: Set<String>
    /// Elements followed by a space when text follows them directly (table cells in a row).
    var spaced: Set<String> = []
    /// Elements whose element children are parts to be separated by spaces (JATS's
    /// `element-citation`: `<surname>Hotez</surname><given-names>PJ</given-names>`).
    var spacedChildren: Set<String> = []
    /// The citation an element marks: its kind and the ids of the records it points at; nil for
    /// an element that marks none.
    var citation: @Sendable (_ node: xmlNodePtr, _ text: String) -> (kind: CitationKind, keys: [String])?
}

/// Builds plain text from marked-up blocks — one paragraph a block, blocks separated by a blank
/// line, whitespace collapsed, NFC — and remembers where each marked citation fell.
struct MarkupText {
    let vocabulary: MarkupVocabulary
    var text = ""
    /// The length of `text` in code points.
    var count = 0
    var citations: [ImportedCitation] = []
    private var pendingSpace = false
    /// A space between two parts (`spaced`, `spacedChildren`), dropped before punctuation.
    private var softSpace = false
    private var notes: [xmlNodePtr] = []

    init(_ vocabulary: MarkupVocabulary) {
        self.vocabulary = vocabulary
    }

    /// The blocks inside `node`, in document order.
    mutating func blocks(in node: xmlNodePtr) {
        for child in children(node) {
            let element = name(child)
            if vocabulary.skipped.contains(element) { continue }
            if vocabulary.blocks.contains(element) {
                block(child)
            } else {
                blocks(in: child)
            }
        }
    }

    /// Notes met inside blocks, as paragraphs of their own.
    mutating func deferredNotes() {
        var index = 0
        while index < notes.count {
            block(notes[index])
            index += 1
        }
        notes = []
    }

    /// `node`'s content as one paragraph.
    mutating func block(_ node: xmlNodePtr) {
        block([node])
    }

    /// The content of `nodes` as one paragraph, a space between them.
    mutating func block(_ nodes: [xmlNodePtr]) {
        let before = count
        if !text.isEmpty {
            text += "\n\n"
            count += 2
        }
        let separatorEnd = count
        pendingSpace = false
        softSpace = false
        for node in nodes {
            inline(node)
            pendingSpace = count > separatorEnd
        }
        if count == separatorEnd {
            // Nothing was written: take the separator back.
            text.unicodeScalars.removeLast(count - before)
            count = before
        }
    }

    /// Text of our own (a heading the markup implies) as one paragraph.
    mutating func block(text literal: String) {
        if !text.isEmpty {
            text += "\n\n"
            count += 2
        }
        pendingSpace = false
        softSpace = false
        append(literal)
    }

    /// `node`'s content appended to the current paragraph.
    mutating func inline(_ node: xmlNodePtr) {
        let spacesParts = vocabulary.spacedChildren.contains(name(node))
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { append(String(cString: content)) }
            case XML_ELEMENT_NODE:
                let element = name(current)
                if vocabulary.skipped.contains(element) {
                    break
                } else if vocabulary.notes.contains(element) {
                    notes.append(current)
                } else if vocabulary.breaks.contains(element) {
                    pendingSpace = count > 0
                } else {
                    if pendingSpace || softSpace { flushSpace() }
                    let start = count
                    let textStart = text.unicodeScalars.endIndex
                    inline(current)
                    if spacesParts || vocabulary.spaced.contains(element) { softSpace = count > start }
                    if count > start {
                        let marked = String(text.unicodeScalars[textStart...])
                        if let (kind, keys) = vocabulary.citation(current, marked) {
                            citations.append(ImportedCitation(span: TextSpan(start: start, end: count), text: marked,
                                                              kind: kind, recordKeys: keys))
                        }
                    }
                }
            default:
                break
            }
            child = current.pointee.next
        }
    }

    /// The kind a marked citation's text shows: `[3]` numeric, `(Smith, 2020)` parenthetical,
    /// a bare number a footnote marker, anything else narrative.
    static func kind(of text: String) -> CitationKind {
        if text.allSatisfy({ $0.isNumber || $0 == "." }) { return .footnoteMarker }
        if text.hasPrefix("[") || text.first?.isNumber == true { return .numeric }
        if text.hasPrefix("(") { return .parenthetical }
        return .narrative
    }

    private mutating func append(_ raw: String) {
        for scalar in CanonicalComposition.compose(raw).unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = true
                continue
            }
            if softSpace, !pendingSpace, [.otherPunctuation, .closePunctuation, .finalPunctuation].contains(scalar.properties.generalCategory) {
                softSpace = false
            }
            if pendingSpace || softSpace { flushSpace() }
            text.unicodeScalars.append(scalar)
            count += 1
        }
    }

    private mutating func flushSpace() {
        pendingSpace = false
        softSpace = false
        guard let last = text.unicodeScalars.last, last != "\n" else { return }
        text += " "
        count += 1
    }
}
