import Foundation

/// Runs the named stages of one build in the order they are called, as
/// Publish runs its steps: it tells the progress line what each stage does
/// and times each one for `--timings` and serve's line. A stage named as the
/// one before it goes on with its lap. A stage may also start on a thread of
/// its own and run alongside the stages after it until it is waited for.
struct StageRunner {
    let progress: (@Sendable (Message) -> Void)?
    private(set) var timings: [(stage: String, seconds: Double)] = []
    private var clock = ContinuousClock.now

    init(progress: (@Sendable (Message) -> Void)?) {
        self.progress = progress
    }

    /// Runs `body` as the stage `name`, after saying `message`.
    mutating func run<Value>(_ name: String, says message: Message? = nil, _ body: () -> Value) -> Value {
        if let message { progress?(message) }
        let value = body()
        lap(name)
        return value
    }

    /// Starts the stage `name` on a thread of its own when `threads` > 1
    /// (else runs it now); `wait` ends it.
    func start<Value>(
        _ name: String, says message: Message?, threads: Int,
        _ body: @escaping @Sendable () -> Value
    ) -> Alongside<Value> {
        if let message { progress?(message) }
        return Alongside(name, onItsOwnThread: threads > 1, body)
    }

    /// Waits for a stage started with `start`: its lap is the time waited.
    mutating func wait<Value>(for stage: Alongside<Value>) -> (value: Value, seconds: Double) {
        let value = stage.value()
        lap(stage.name)
        return (value, stage.seconds)
    }

    private mutating func lap(_ name: String) {
        let now = ContinuousClock.now
        let seconds = (now - clock).seconds
        clock = now
        if timings.last?.stage == name {
            timings[timings.count - 1].seconds += seconds
        } else {
            timings.append((name, seconds))
        }
    }
}

/// A stage running on a thread of its own; `value()` waits for its result.
final class Alongside<Value>: @unchecked Sendable {
    let name: String
    private let done = DispatchSemaphore(value: 0)
    private var result: Value?
    /// How long the stage took in all, once it is done.
    private(set) var seconds = 0.0

    init(_ name: String, onItsOwnThread: Bool, _ body: @escaping @Sendable () -> Value) {
        self.name = name
        let work: @Sendable () -> Void = { [self] in
            let started = ContinuousClock.now
            result = body()
            seconds = (ContinuousClock.now - started).seconds
            done.signal()
        }
        guard onItsOwnThread else {
            work()
            return
        }
        // The main thread's 8 MiB: a thread made here gets far less by default.
        let thread = Thread(block: work)
        thread.stackSize = 1 << 23
        thread.start()
    }

    func value() -> Value {
        done.wait()
        done.signal()
        return result!
    }
}
