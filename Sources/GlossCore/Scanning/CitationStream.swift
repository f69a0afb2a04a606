import Foundation

/// `gloss cites --stdin`: citations found in texts that arrive one JSON line at a time, with no
/// workspace — the form batch engines (Spark's `RDD.pipe`, Hadoop Streaming) feed a program.
///
/// Each input line is a JSON object `{"id": ID, "text": TEXT}` (other keys are ignored); its
/// answer is one ``CitationJSONLine`` a citation, in text order, with `ID` as the `source` (any
/// string) and `ID:START-END` as the `id`. Offsets are code points into the text after Gloss's
/// import normalisation (LF line ends, NFC), which is the text itself for the usual NFC, LF input.
/// Each line is answered alone, so memory stays that of the longest line.
public enum CitationStream {
    /// What an input line holds.
    private struct Input: Decodable {
        var id: String
        var text: String
    }

    /// The source id the scanner is given: the output names the input's id instead.
    private static let placeholder = try! SourceID("stdin")

    /// Appends the citation lines of the input `line` (without its line feed), each ending in a
    /// line feed, to `out`. `number` (from 1) names the line in errors.
    public static func answer(line: UnsafeRawBufferPointer, number: Int, to out: inout JSONBytes) throws(CitationStreamError) {
        let input: Input
        do {
            input = try JSONDecoder().decode(Input.self, from: Data(line))
        } catch let error as DecodingError {
            throw CitationStreamError(line: number, problem: problem(error))
        } catch {
            throw CitationStreamError(line: number, problem: "not a JSON object")
        }
        var text = TextNormalizer.normalize(text: input.text)
        let scan = text.withUTF8 { CitationScanner.scan(utf8: $0, source: placeholder) }
        for citation in scan.citations {
            CitationJSONLine.append(citation, source: input.id, to: &out)
            out.byte(ScanBytes.newline)
        }
    }

    /// Whether `line` holds nothing but spaces, tabs and a carriage return: such lines are skipped
    /// (a blank last line, a CRLF file).
    public static func isBlank(_ line: UnsafeRawBufferPointer) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    /// What is wrong with a line, in words.
    private static func problem(_ error: DecodingError) -> String {
        switch error {
        case let .keyNotFound(key, _):
            return "no \"\(key.stringValue)\" (each line is {\"id\": ..., \"text\": ...})"
        case let .typeMismatch(_, context), let .valueNotFound(_, context):
            guard let key = context.codingPath.first else { return "not a JSON object (each line is {\"id\": ..., \"text\": ...})" }
            return "\"\(key.stringValue)\" is not a string"
        case .dataCorrupted:
            return "not valid JSON"
        @unknown default:
            return "not a JSON object"
        }
    }
}

/// A line of `gloss cites --stdin` that is not `{"id": ..., "text": ...}`.
public struct CitationStreamError: GlossError, Equatable {
    /// The line's number, from 1.
    public var line: Int
    public var problem: String

    public init(line: Int, problem: String) {
        self.line = line
        self.problem = problem
    }

    public var category: ErrorCategory { .data }
    public var description: String { "standard input, line \(line): \(problem)" }
}
