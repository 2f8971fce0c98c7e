import Foundation

/// Writes a `GraphDrawing` as inline SVG: links as paths, nodes as links to their pages
/// with a `<title>`, colours from the stylesheet's kind classes (no inline styles, so
/// the Content-Security-Policy holds).
enum GraphSVG {
    /// Characters a node's label keeps before it is truncated.
    static let labelLength = 26

    static func render(_ d: GraphDrawing, labelLength: Int = GraphSVG.labelLength) -> String {
        var w = HTMLWriter(capacity: 256 + d.nodes.count * 220 + d.edges.count * 90)
        w.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(num(d.width)) \(num(d.height))\" role=\"group\" aria-label=\"")
        w.text(d.label)
        w.raw("\">\n<g class=\"g-edges\">\n")
        for e in d.edges {
            let a = d.nodes[e.from], b = d.nodes[e.to]
            w.raw("<path class=\"g-edge\(e.weight > 1 ? " strong" : "")\" stroke-width=\"\(num(min(6, 0.8 + log2(Double(e.weight)))))\" d=\"M\(num(a.x)) \(num(a.y))")
            if let c = e.control { w.raw("Q\(num(c.x)) \(num(c.y)) \(num(b.x)) \(num(b.y))\"/>\n") } else { w.raw("L\(num(b.x)) \(num(b.y))\"/>\n") }
        }
        w.raw("</g>\n<g class=\"g-nodes\">\n")
        for n in d.nodes {
            w.raw("<g class=\"g-node kind-\(n.kind.rawValue)\(n.center ? " center" : "")\"><a href=\"")
            w.text(n.href)
            w.raw("\"><title>")
            w.text("\(n.name) (\(n.kind.rawValue))")
            w.raw("</title><circle cx=\"\(num(n.x))\" cy=\"\(num(n.y))\" r=\"\(num(n.radius))\"/>")
            let label = Text.truncated(n.name, n.center ? 40 : labelLength)
            if let angle = n.labelAngle {
                let gap = n.radius + 4
                let dx = n.anchor == .end ? -gap : gap
                w.raw("<text x=\"\(num(n.x + dx))\" y=\"\(num(n.y))\" dy=\"0.32em\" text-anchor=\"\(n.anchor.rawValue)\" transform=\"rotate(\(num(angle)) \(num(n.x)) \(num(n.y)))\">")
            } else if n.center {
                w.raw("<text x=\"\(num(n.x))\" y=\"\(num(n.y + n.radius + 16))\" text-anchor=\"middle\">")
            } else {
                let (x, y) = GraphLayout.labelOrigin(n, centerY: d.height / 2)
                w.raw("<text x=\"\(num(x))\" y=\"\(num(y))\" text-anchor=\"\(n.anchor.rawValue)\">")
            }
            w.text(label)
            w.raw("</text></a></g>\n")
        }
        w.raw("</g>\n</svg>")
        return w.string
    }

    /// One decimal, no locale, no "-0.0".
    static func num(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded())
        if tenths == 0 { return "0" }
        let sign = tenths < 0 ? "-" : ""
        let a = tenths.magnitude
        return a % 10 == 0 ? "\(sign)\(a / 10)" : "\(sign)\(a / 10).\(a % 10)"
    }
}
