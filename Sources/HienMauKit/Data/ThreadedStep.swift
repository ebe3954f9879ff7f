import Foundation

/// One step of the reading on a thread of its own; `wait` gives its result.
final class ThreadedStep<Result>: @unchecked Sendable {
    private var work: (() -> Result)?
    private var result: Result?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping () -> Result) {
        self.work = work
        let thread = Thread { [self] in
            result = self.work?()
            self.work = nil
            done.signal()
        }
        // 8 MiB, as the main thread has: a new thread's default stack is much smaller.
        thread.stackSize = 1 << 23
        thread.start()
    }

    private var taken = false

    /// Waits for the result. `wait` and `poll` are called from one thread.
    func wait() -> Result {
        if !taken {
            done.wait()
            taken = true
        }
        return result!
    }

    /// The result if the step is done, without waiting.
    func poll() -> Result? {
        if !taken {
            guard done.wait(timeout: .now()) == .success else { return nil }
            taken = true
        }
        return result
    }
}
