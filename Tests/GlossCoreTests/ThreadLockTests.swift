import Dispatch
import GlossCore
import Testing

@Suite("Thread lock")
struct ThreadLockTests {
    /// A counter that is not atomic, guarded by the lock.
    final class Counter: @unchecked Sendable {
        let lock = ThreadLock()
        var value = 0
    }

    @Test func excludesOtherThreads() {
        let counter = Counter()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<20_000 {
                counter.lock.lock()
                counter.value += 1
                counter.lock.unlock()
            }
        }
        #expect(counter.value == 160_000)
    }
}
