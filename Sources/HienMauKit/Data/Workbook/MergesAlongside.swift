import Foundation

/// A sheet's merged ranges are listed after its rows, and the rows need
/// them: they are found by a second inflating of the sheet on a thread of
/// its own (`Workbook.mergedRanges`), while the rows are parsed. Rows parsed
/// before the ranges are known wait here, at most `heldRows` of them (then
/// the parsing waits), and every row leaves with its merged cells filled in.
final class MergesAlongside {
    static let heldRows = 4096

    private let scan: ThreadedStep<Result<[CellRange], Error>>
    private let emit: (WorkbookRow) -> Void
    private var filler: MergeFiller?
    private var held: [WorkbookRow] = []
    /// The scan failed: no row of the sheet goes on, and `finish` throws.
    private var refused = false

    init(scan: @escaping () -> Result<[CellRange], Error>, emit: @escaping (WorkbookRow) -> Void) {
        self.scan = ThreadedStep(scan)
        self.emit = emit
    }

    func take(_ row: WorkbookRow) {
        if filler == nil {
            if let ranges = scan.poll() {
                start(ranges)
            } else if held.count < Self.heldRows {
                held.append(row)
                return
            } else {
                start(scan.wait())
            }
        }
        pass(row)
    }

    /// After the sheet's last row: passes on the rows still waiting; throws what the scan found wrong.
    func finish() throws {
        if filler == nil { start(scan.wait()) }
        if case .failure(let error) = scan.wait() { throw error }
    }

    private func start(_ ranges: Result<[CellRange], Error>) {
        guard case .success(let ranges) = ranges else {
            filler = MergeFiller(ranges: [])
            held = []
            refused = true
            return
        }
        filler = MergeFiller(ranges: ranges)
        for row in held { pass(row) }
        held = []
    }

    private func pass(_ row: WorkbookRow) {
        guard !refused else { return }
        var row = row
        filler!.fill(&row)
        emit(row)
    }
}
