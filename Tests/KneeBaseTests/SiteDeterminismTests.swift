import Foundation
import Testing
@testable import KneeBase

/// Two builds of the same content give the same bytes, file for file.
@Suite struct SiteDeterminismTests {
    @Test func twoBuildsAreByteIdentical() throws {
        try withTemporaryDirectory { dir in
            let a = try BuiltSite.build(Repo.content, into: dir)
            let b = try BuiltSite.build(Repo.content, into: dir)
            let files = a.files().filter { !$0.hasPrefix("data/") }
            #expect(files == b.files().filter { !$0.hasPrefix("data/") })
            #expect(files.count > 500)
            var different: [String] = []
            for f in files where (try? Data(contentsOf: a.root.appendingPathComponent(f))) != (try? Data(contentsOf: b.root.appendingPathComponent(f))) {
                different.append(f)
            }
            #expect(different.isEmpty, "differ: \(different.prefix(10))")
        }
    }
}
