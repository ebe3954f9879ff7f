import Foundation

/// Batches from one thread to the next, in order; at most a few wait at a
/// time, so memory stays flat however long the file.
final class Batches<Batch>: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: [Batch] = []
    /// Batches the taker is done with, for the putter to fill again: their
    /// memory is reused, not allocated and faulted in anew for every batch.
    private var spares: [Batch] = []
    private var closed = false
    private var abandoned = false

    /// Waits while four batches wait. Once the taker gave up, drops the batch
    /// and returns false: the putter can stop.
    @discardableResult
    func put(_ batch: Batch) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while waiting.count >= 4 && !abandoned { condition.wait() }
        if !abandoned { waiting.append(batch) }
        condition.broadcast()
        return !abandoned
    }

    /// No more batches will come.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The taker stops: waiting batches are dropped and `put` no longer waits.
    func abandon() {
        condition.lock()
        abandoned = true
        waiting.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch in order, or nil once the putter is done.
    func take() -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty && !closed { condition.wait() }
        guard !waiting.isEmpty else { return nil }
        let batch = waiting.removeFirst()
        condition.broadcast()
        return batch
    }

    /// The taker is done with `batch`: the putter may fill it again.
    func giveBack(_ batch: consuming Batch) {
        condition.lock()
        if spares.count < 2 { spares.append(batch) }
        condition.unlock()
    }

    /// A batch given back, if there is one.
    func spare() -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        return spares.popLast()
    }
}
