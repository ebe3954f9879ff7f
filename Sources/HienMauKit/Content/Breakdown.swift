/// The dimensions a table or chart can break figures down by.
public enum Breakdown: String, Sendable, CaseIterable {
    case site, date, unit
    case bloodGroup = "blood_group"
}
