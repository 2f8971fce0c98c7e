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
        /// Vertical offset of a horizontal label from its usual place, so labels don't overlap.
        var labelShift: Double = 0
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
        separateLabels(&d.nodes, centerY: cy)
        return d
    }

    /// Approximate advance of one label character and the height of a label line, in
    /// drawing units (the stylesheet sets 11px labels).
    static let labelCharWidth = 6.2, labelLineHeight = 13.0

    /// Where a horizontal label's text starts (its anchor point, baseline), from the node's
    /// position, anchor and shift; `GraphSVG` draws it there.
    static func labelOrigin(_ n: GraphDrawing.Node, centerY: Double) -> (x: Double, y: Double) {
        let (x, y): (Double, Double) = switch n.anchor {
        case .start: (n.x + n.radius + 5, n.y + 4)
        case .end: (n.x - n.radius - 5, n.y + 4)
        case .middle: (n.x, n.y < centerY ? n.y - n.radius - 6 : n.y + n.radius + 14)
        }
        return (x, y + n.labelShift)
    }

    /// The box a horizontal label of `length` characters takes around its origin.
    static func labelBox(_ n: GraphDrawing.Node, length: Int, centerY: Double) -> (x0: Double, x1: Double, y0: Double, y1: Double) {
        let w = Double(length) * labelCharWidth
        let (x, y) = labelOrigin(n, centerY: centerY)
        let x0 = switch n.anchor {
        case .start: x
        case .end: x - w
        case .middle: x - w / 2
        }
        return (x0, x0 + w, y - labelLineHeight + 3, y + 3)
    }

    /// Labels crowd where the ring turns (top and bottom). Working outward from the
    /// centre line, each label that overlaps one already placed is moved away from the
    /// centre until it clears every placed label it shares columns with.
    static func separateLabels(_ nodes: inout [GraphDrawing.Node], centerY: Double, labelLength: Int = GraphSVG.labelLength) {
        let ring = nodes.indices.filter { !nodes[$0].center }
        for upper in [true, false] {
            let half = ring.filter { (nodes[$0].y < centerY) == upper }
                .sorted { abs(nodes[$0].y - centerY) < abs(nodes[$1].y - centerY) }
            var placed: [(x0: Double, x1: Double, y0: Double, y1: Double)] = []
            for i in half {
                let length = min(labelLength, nodes[i].name.count)
                var box = labelBox(nodes[i], length: length, centerY: centerY)
                // Each pass clears at least one overlap by moving outward; n passes suffice.
                for _ in 0...placed.count {
                    guard let hit = placed.first(where: { $0.x0 < box.x1 && box.x0 < $0.x1 && $0.y0 < box.y1 && box.y0 < $0.y1 }) else { break }
                    nodes[i].labelShift += upper ? hit.y0 - box.y1 : hit.y1 - box.y0
                    box = labelBox(nodes[i], length: length, centerY: centerY)
                }
                placed.append(box)
            }
        }
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
