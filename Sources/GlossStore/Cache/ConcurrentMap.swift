import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// `map` over the elements on all cores, results in order. The first error thrown (in element
    /// order) is rethrown once all are done. `progress` is told how many are done after each, one
    /// call at a time.
    func concurrentMap<T: Sendable>(progress: @Sendable (_ done: Int) -> Void = { _ in },
                                    _ transform: @Sendable (Element) throws(StoreError) -> T) throws(StoreError) -> [T] {
        let results = ResultSlots<T>(count: count)
        let elements = self
        let done = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.set(index, Result { () throws(StoreError) -> T in try transform(elements[index]) })
            done.withLock { done in
                done += 1
                progress(done)
            }
        }
        return try results.values()
    }
}

/// One slot a result, filled from several threads.
private final class ResultSlots<T: Sendable>: Sendable {
    private let slots: Mutex<[Result<T, StoreError>?]>

    init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }

    func set(_ index: Int, _ value: Result<T, StoreError>) {
        slots.withLock { $0[index] = value }
    }

    func values() throws(StoreError) -> [T] {
        let slots = self.slots.withLock { $0 }
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
