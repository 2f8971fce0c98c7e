import GRDB

/// The `findings` table of `kb.sqlite`. (Owned by the audit work; not yet written.)
enum FindingsTable {
    static func create(_ db: Database) throws {}
    static func write(_ findings: [Finding], _ db: Database) throws {}
}
