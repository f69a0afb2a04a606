import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GlossCore

extension Array where Element: Sendable {
    /// `map` over the elements on all cores, results in order. The first error thrown (in element
    /// order) is rethrown once all are done.
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) throws(StoreError) -> T) throws(StoreError) -> [T] {
        let results = ResultSlots<T>(count: count)
        let elements = self
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.set(index, Result { () throws(StoreError) -> T in try transform(elements[index]) })
        }
        return try results.values()
    }
}

/// One slot a result, filled from several threads.
private final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private var slots: [Result<T, StoreError>?]
    private let lock = ThreadLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<T, StoreError>) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func values() throws(StoreError) -> [T] {
        var values: [T] = []
        values.reserveCapacity(slots.count)
        for slot in slots {
            switch slot! {
            case let .success(value): values.append(value)
            case let .failure(error): throw error
            }
        }
        return values
    }
}
