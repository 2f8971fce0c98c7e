import Dispatch

/// Maps `items` with `transform` on all cores, keeping the order of the results.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    guard items.count > 1 else { return items.map(transform) }
    let results = ResultSlots<R>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: items.count) { i in
        results.set(i, transform(items[i]))
    }
    return results.take()
}

/// Write-once slots filled from many threads, each index by exactly one thread.
private final class ResultSlots<R>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<R?>
    private let count: Int

    init(count: Int) {
        self.count = count
        base = .allocate(capacity: count)
        base.initialize(repeating: nil, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    func set(_ i: Int, _ value: R) { base[i] = value }

    /// The values, moved out of their slots (which are left empty): no copy, no retain.
    func take() -> [R] { (0..<count).map { base[$0].take()! } }
}

/// Values handed over once each, by index, from any thread (each index taken by one
/// thread at most): taking one drops this holder's reference, so per-document results
/// kept for a later stage are freed one by one as that stage uses them.
final class Handoffs<T: Sendable>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<T?>
    let count: Int

    init(_ values: [T]) {
        count = values.count
        base = .allocate(capacity: max(count, 1))
        for (i, v) in values.enumerated() { (base + i).initialize(to: v) }
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    /// The value at `i`, left in place; nil once taken or out of range.
    func peek(_ i: Int) -> T? {
        guard i >= 0 && i < count else { return nil }
        return base[i]
    }

    /// The value at `i` the first time it is asked for; nil after that or out of range.
    func take(_ i: Int) -> T? {
        guard i >= 0 && i < count else { return nil }
        defer { base[i] = nil }
        return base[i]
    }
}

/// Runs `first` and `second` at the same time (`second` on the calling thread) and
/// returns how long each took, in seconds; rethrows the first error of either.
func concurrently(_ first: @escaping @Sendable () throws -> Void, _ second: () throws -> Void) throws -> (first: Double, second: Double) {
    let clock = ContinuousClock()
    let done = DispatchSemaphore(value: 0)
    let outcome = WrittenOnce<Result<Double, any Error>>()
    DispatchQueue.global().async {
        let start = clock.now
        outcome.result = Result { try first() }.map { (clock.now - start).seconds }
        done.signal()
    }
    let start = clock.now
    let secondResult = Result { try second() }
    let secondTime = (clock.now - start).seconds
    done.wait()
    let firstTime = try outcome.result!.get()
    try secondResult.get()
    return (firstTime, secondTime)
}

/// Computes `background` on another thread while `body` runs on the calling thread (for
/// work bound to it, such as a database connection); returns both values once both are
/// done, or rethrows `body`'s error.
func overlapping<T: Sendable, U>(_ background: @escaping @Sendable () -> T, with body: () throws -> U) throws -> (T, U) {
    let done = DispatchSemaphore(value: 0)
    let outcome = WrittenOnce<T>()
    DispatchQueue.global().async {
        outcome.result = background()
        done.signal()
    }
    let bodyResult = Result { try body() }
    done.wait()
    return (outcome.result!, try bodyResult.get())
}

/// A background closure's result, written once before its semaphore is signalled and
/// read only after the wait.
private final class WrittenOnce<T>: @unchecked Sendable {
    var result: T?
}

/// A value that one thread supplies and others wait for: the audit's findings, which
/// the store writes last so that it can start on the graph before the audit ends.
public final class Pending<T: Sendable>: @unchecked Sendable {
    private let ready = DispatchSemaphore(value: 0)
    private var stored: T?

    public init() {}

    /// A value that is already there.
    public convenience init(_ value: T) {
        self.init()
        supply(value)
    }

    /// Supplies the value; call exactly once.
    public func supply(_ value: T) {
        stored = value
        ready.signal()
    }

    /// The value, once supplied (blocks until then).
    public var value: T {
        ready.wait()
        defer { ready.signal() }  // later readers pass straight through
        return stored!
    }
}
