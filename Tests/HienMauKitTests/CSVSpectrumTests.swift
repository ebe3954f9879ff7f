import Foundation
import Testing

@testable import HienMauKit

/// Every file of csv-spectrum (Fixtures/csv-spectrum) parses to exactly the records of its JSON.
@Suite struct CSVSpectrumTests {
    static let folder = Fixtures.csvSpectrum

    static func names() throws -> [String] {
        try Fixtures.names(in: folder.appendingPathComponent("csvs")) { $0.hasSuffix(".csv") }
    }

    /// All twelve files of csv-spectrum 2.0.0, each with its JSON.
    @Test func theSpectrumIsThere() throws {
        let names = try Self.names()
        #expect(names.count == 12)
        let json = try Fixtures.names(in: Self.folder.appendingPathComponent("json")) { $0.hasSuffix(".json") }
        #expect(json == names.map { String($0.dropLast(4)) + ".json" })
    }

    @Test(arguments: try names()) func parsesLikeItsJSON(_ name: String) throws {
        let csv = try Data(contentsOf: Self.folder.appendingPathComponent("csvs/\(name)"))
        let json = try Data(contentsOf: Self.folder.appendingPathComponent("json/\(name.dropLast(4)).json"))
        let object = try JSONSerialization.jsonObject(with: json)
        // location_coordinates.json holds one object rather than a list of them.
        let decoded = try #require((object as? [[String: Any]]) ?? (object as? [String: Any]).map { [$0] })
        var expected = decoded.map { $0.mapValues { "\($0)" } }
        // The *_crlf files keep their CR LF line ends (see Fixtures/csv-spectrum/README.md).
        if name.hasSuffix("_crlf.csv") {
            #expect(csv.contains(0x0D), "\(name) has lost its CR bytes")
        }
        // A known fault of csv-spectrum 2.0.0, not of the reader: location_coordinates.json
        // gives a phone number that is not the one in its CSV.
        if name == "location_coordinates.csv" {
            expected = expected.map {
                var row = $0
                row["Contact Phone Number"] = "2095257564"
                return row
            }
        }
        let records = try CSVReader.records(in: [UInt8](csv), delimiter: 0x2C)
        let header = try #require(records.first).fields
        let rows = records.dropFirst().map { record in
            Dictionary(zip(header, record.fields).map { ($0, $1) }, uniquingKeysWith: { a, _ in a })
        }
        #expect(rows == expected)
    }

    /// The same bytes fed whole, byte by byte and in random splits give the same
    /// records, also when a split falls inside a Vietnamese character.
    @Test func chunkingDoesNotChangeRecords() throws {
        let text = "a,b\r\n1,\"x\r\ny\"\r\n\"q\"\"q\",2\r\nĐặng Thị Ánh,4\r\n3,Hà Nội"
        let bytes = Array(text.utf8)
        let whole = try CSVReader.records(in: bytes, delimiter: 0x2C).map(\.fields)
        var generator = SystemRandomNumberGenerator()
        for size in [1, 2, 3, 5, 7, 0] {
            var reader = CSVReader(delimiter: 0x2C)
            var out: [[String]] = []
            var i = 0
            while i < bytes.count {
                let n = size == 0 ? Int.random(in: 1...6, using: &generator) : size
                try reader.feed(bytes[i..<min(i + n, bytes.count)]) { out.append($0.fields) }
                i += n
            }
            try reader.finish { out.append($0.fields) }
            #expect(out == whole, "chunk size \(size)")
        }
        #expect(whole == [["a", "b"], ["1", "x\r\ny"], ["q\"q", "2"], ["Đặng Thị Ánh", "4"], ["3", "Hà Nội"]])
    }

    /// Inputs the fuzzer found (Fixtures/fuzz): split into two chunks at every
    /// byte, they must read exactly as when read whole.
    @Test func fuzzFindingsReadTheSameAtEverySplit() throws {
        let folder = Fixtures.fuzz
        for name in try Fixtures.names(in: folder, where: { $0.hasPrefix("csv-") }) {
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            let whole = Result { try CSVReader.records(in: bytes, delimiter: 0x2C).map(\.fields) }
            for split in 0...bytes.count {
                var reader = CSVReader(delimiter: 0x2C)
                var out: [[String]] = []
                let chunked = Result {
                    try reader.feed(bytes[..<split]) { out.append($0.fields) }
                    try reader.feed(bytes[split...]) { out.append($0.fields) }
                    try reader.finish { out.append($0.fields) }
                    return out
                }
                #expect(String(describing: chunked) == String(describing: whole), "\(name) split at \(split)")
            }
        }
    }

    @Test func unterminatedQuoteNamesTheLineItOpened() {
        #expect(throws: CSVReader.Problem.unterminatedQuote(line: 2, column: 3, text: "1,\"open")) {
            _ = try CSVReader.records(in: Array("a,b\n1,\"open\n2,3\n".utf8), delimiter: 0x2C)
        }
    }
}
