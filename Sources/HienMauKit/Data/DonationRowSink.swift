/// Where the reading of the donation records sends its rows: the figures
/// stage adds them up (`FigureBuilder`). Declared here so that reading the
/// records does not depend on what is made of them.
protocol DonationRowSink {
    /// Campaign id → index in the build; rows of other campaigns get -1.
    var indexByID: [String: Int] { get }
    /// Rows added so far.
    var rowsRead: Int { get }
    /// The texts the rows refer to, handed over once every row is added.
    var vocabulary: RowVocabulary { get set }
    /// Room for about `rows` rows.
    mutating func reserve(rows: Int)
    /// One row, in file order.
    mutating func add(_ row: DonationRow)
}
