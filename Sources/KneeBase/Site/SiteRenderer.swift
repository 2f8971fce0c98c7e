import Foundation

/// Renders the static site into the output. (Owned by the site work; not yet written.)
public enum SiteRenderer {
    public static func render(_ graph: KnowledgeGraph, findings: [Finding], theme: URL?, to publisher: OutputPublisher) throws {}
}
