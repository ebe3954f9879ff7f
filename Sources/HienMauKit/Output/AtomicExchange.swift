import Foundation

/// Linux's renameat2(RENAME_EXCHANGE): swaps two paths in one step. Looked up
/// at run time because Swift's Glibc module does not declare it.
enum AtomicExchange {
    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    static let function: RenameAt2? = {
        #if os(Linux)
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
            return unsafeBitCast(symbol, to: RenameAt2.self)
        #else
            return nil
        #endif
    }()

    /// True when `a` and `b` were swapped; false when the system cannot (the caller falls back).
    static func exchange(_ a: String, _ b: String) -> Bool {
        guard let function else { return false }
        let atCurrentDirectory: Int32 = -100, renameExchange: UInt32 = 1 << 1
        return function(atCurrentDirectory, a, atCurrentDirectory, b, renameExchange) == 0
    }
}
