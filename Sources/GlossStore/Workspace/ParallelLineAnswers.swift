import Dispatch
import Synchronization

/// Answers the lines of a ``LineStream`` on all cores and hands the answers on in input order,
/// holding one batch of lines at a time: memory is bounded by the batch, not by the stream.
///
/// A batch is answered when it holds `batchBytes` of input or `batchLines` lines, and whenever the
/// next read would wait for input (so a caller that waits for its answers before sending more is
/// never left waiting). Answers are handed on up to the first line that failed, whose error is
/// then thrown: what came before a bad line is written before its error.
public struct ParallelLineAnswers {
    public let stream: LineStream
    /// The input bytes a batch may hold before it is answered (a longer line is a batch alone).
    public var batchBytes: Int
    /// The lines a batch may hold before it is answered.
    public var batchLines: Int

    public init(_ stream: LineStream, batchBytes: Int = 4 << 20, batchLines: Int = 512) {
        self.stream = stream
        self.batchBytes = batchBytes
        self.batchLines = batchLines
    }

    /// Reads every line, answers each with `answer` (its bytes and number, from 1) on all cores,
    /// and calls `write` with the answers of each batch, joined, in input order.
    public func run(answer: @Sendable (_ line: UnsafeRawBufferPointer, _ number: Int) throws -> [UInt8],
                    write: ([UInt8]) throws -> Void) throws {
        var batch: [(bytes: [UInt8], number: Int)] = []
        var held = 0
        func answerBatch() throws {
            guard !batch.isEmpty else { return }
            let lines = batch
            batch.removeAll(keepingCapacity: true)
            held = 0
            let results = Mutex([Result<[UInt8], any Error>?](repeating: nil, count: lines.count))
            DispatchQueue.concurrentPerform(iterations: lines.count) { index in
                let result = Result { try lines[index].bytes.withUnsafeBytes { try answer($0, lines[index].number) } }
                results.withLock { $0[index] = result }
            }
            var out: [UInt8] = []
            for result in results.withLock({ $0 }) {
                switch result! {
                case let .success(bytes): out.append(contentsOf: bytes)
                case let .failure(error):
                    try write(out)
                    throw error
                }
            }
            try write(out)
        }
        try stream.forEachLine(beforeRead: answerBatch) { line, number in
            batch.append((Array(line), number))
            held += line.count
            if held >= batchBytes || batch.count >= batchLines { try answerBatch() }
        }
        try answerBatch()
    }
}
