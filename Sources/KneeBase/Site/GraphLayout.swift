import Foundation

/// A graph drawing laid out at build time: positions, sizes and label placement, ready
/// to be written as SVG. No library, no randomness: the same graph gives the same bytes.
struct GraphDrawing {
    struct Node {
        var id: String
        var name: String
        var kind: EntityKind
        var href: String
        var x: Double
        var y: Double
        var radius: Double
        /// Degrees to rotate the label about the node (radial labels), or nil for horizontal.
        var labelAngle: Double? = nil
        var anchor: Anchor = .start
        var center = false
    }

    enum Anchor: String { case start, middle, end }

    struct Edge {
        var from: Int
        var to: Int
        var weight: Int
        /// Control point of a quadratic curve, or nil for a straight line.
        var control: (x: Double, y: Double)? = nil
    }

    var width: Double
    var height: Double
    var label: String
    var nodes: [Node] = []
    var edges: [Edge] = []
}

/// Layouts for the neighbourhood of one entity and for the whole graph.
enum GraphLayout {
    /// The entity in the middle, its neighbours on an ellipse around it, grouped by kind.
    static func radial(center: GraphDrawing.Node, neighbours: [(node: GraphDrawing.Node, weight: Int)], label: String) -> GraphDrawing {
        var d = GraphDrawing(width: 780, height: 480, label: label)
        let cx = d.width / 2, cy = d.height / 2
        var c = center
        c.x = cx; c.y = cy; c.radius = 15; c.anchor = .middle; c.center = true
        d.nodes.append(c)
        let kinds = EntityKind.allCases.filter { k in neighbours.contains { $0.node.kind == k } }
        let gap = 0.7
        let slots = Double(neighbours.count) + gap * Double(max(0, kinds.count - 1))
        var slot = 0.0
        var lastKind: EntityKind? = nil
        for (node, weight) in neighbours {
            if let lastKind, lastKind != node.kind { slot += gap }
            lastKind = node.kind
            let angle = -Double.pi / 2 + 2 * Double.pi * (slot + 0.35) / max(slots, 1)
            slot += 1
            var n = node
            n.x = cx + 215 * cos(angle)
            n.y = cy + 185 * sin(angle)
            n.radius = min(12, 4.5 + 2 * log2(1 + Double(weight)))
            let cosA = cos(angle)
            n.anchor = cosA > 0.05 ? .start : cosA < -0.05 ? .end : .middle
            d.nodes.append(n)
            d.edges.append(.init(from: 0, to: d.nodes.count - 1, weight: weight))
        }
        return d
    }

    /// Conditions on an inner ring, everything else on an outer ring in arcs by kind,
    /// each placed near the conditions it is linked to; links drawn as curves bent
    /// toward the centre.
    static func rings(nodes: [GraphDrawing.Node], links: [(a: String, b: String, weight: Int)], label: String) -> GraphDrawing {
        let inner = nodes.filter { $0.kind == .condition }.sorted { $0.name.lowercased() < $1.name.lowercased() }
        let outerAll = nodes.filter { $0.kind != .condition }
        let outerRadius = max(320, Double(outerAll.count) * 9.5 / (2 * Double.pi))
        let innerRadius = outerRadius * 0.42
        let margin = 175.0
        var d = GraphDrawing(width: 2 * (outerRadius + margin), height: 2 * (outerRadius + margin), label: label)
        let cx = d.width / 2, cy = d.height / 2
        var angleOf: [String: Double] = [:]
        for (i, var n) in inner.enumerated() {
            let a = -Double.pi / 2 + 2 * Double.pi * Double(i) / Double(max(1, inner.count))
            angleOf[n.id] = a
            place(&n, a, innerRadius, cx, cy, 11)
            d.nodes.append(n)
        }
        // Barycentre of each outer node: the mean direction of the conditions it links to.
        var pull: [String: (x: Double, y: Double)] = [:]
        for l in links {
            for (x, y) in [(l.a, l.b), (l.b, l.a)] {
                guard let a = angleOf[y], angleOf[x] == nil else { continue }
                let p = pull[x] ?? (0, 0)
                pull[x] = (p.x + cos(a) * Double(l.weight), p.y + sin(a) * Double(l.weight))
            }
        }
        let kinds = EntityKind.allCases.filter { $0 != .condition }
        let gap = 3.0
        let slots = Double(outerAll.count) + gap * Double(kinds.count)
        var slot = gap / 2
        for kind in kinds {
            let group = outerAll.filter { $0.kind == kind }
            guard !group.isEmpty else { continue }
            let arcStart = -Double.pi / 2 + 2 * Double.pi * slot / slots
            func key(_ n: GraphDrawing.Node) -> Double {
                guard let p = pull[n.id], p.x != 0 || p.y != 0 else { return 10 }
                var a = atan2(p.y, p.x) - arcStart
                while a < 0 { a += 2 * Double.pi }
                return a
            }
            let ordered = group.map { ($0, key($0)) }.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0.name < $1.0.name }.map(\.0)
            for var n in ordered {
                let a = -Double.pi / 2 + 2 * Double.pi * (slot + 0.5) / slots
                slot += 1
                place(&n, a, outerRadius, cx, cy, 4)
                d.nodes.append(n)
            }
            slot += gap
        }
        var index: [String: Int] = [:]
        for (i, n) in d.nodes.enumerated() { index[n.id] = i }
        for l in links {
            guard let a = index[l.a], let b = index[l.b], a != b else { continue }
            let mx = (d.nodes[a].x + d.nodes[b].x) / 2, my = (d.nodes[a].y + d.nodes[b].y) / 2
            d.edges.append(.init(from: a, to: b, weight: l.weight, control: (cx + (mx - cx) * 0.35, cy + (my - cy) * 0.35)))
        }
        return d
    }

    private static func place(_ n: inout GraphDrawing.Node, _ angle: Double, _ radius: Double, _ cx: Double, _ cy: Double, _ size: Double) {
        n.x = cx + radius * cos(angle)
        n.y = cy + radius * sin(angle)
        n.radius = n.kind == .condition ? max(size, n.radius) : min(7, max(size, n.radius))
        var degrees = angle * 180 / Double.pi
        n.anchor = .start
        if cos(angle) < 0 { degrees += 180; n.anchor = .end }
        n.labelAngle = degrees
    }
}
