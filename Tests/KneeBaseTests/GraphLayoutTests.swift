import Foundation
import Testing
@testable import KneeBase

/// The build-time neighbourhood drawing: labels stay readable when the ring is crowded.
@Suite("Graph layout")
struct GraphLayoutTests {
    private func node(_ name: String, _ kind: EntityKind) -> GraphDrawing.Node {
        .init(id: name, name: name, kind: kind, href: "\(name).html", x: 0, y: 0, radius: 5)
    }

    @Test("no two labels of a crowded neighbourhood overlap", arguments: [8, 16, 24])
    func labelsDoNotOverlap(count: Int) {
        let kinds: [EntityKind] = [.condition, .symptom, .cause, .treatment, .anatomy]
        let names = ["valgus knee", "chondromalacia patellae", "knee pain", "arms swinging across the body",
                     "cartilage wear and tear", "direct blow to the knee", "dry needling", "deep tissue massage"]
        let neighbours = (0..<count).map { i in
            (node: node("\(names[i % names.count]) \(i)", kinds[i * kinds.count / count]), weight: 1 + i % 3)
        }
        let d = GraphLayout.radial(center: node("patellofemoral pain syndrome", .condition), neighbours: neighbours, label: "test")
        let boxes = d.nodes.filter { !$0.center }.map {
            GraphLayout.labelBox($0, length: min(GraphSVG.labelLength, $0.name.count), centerY: d.height / 2)
        }
        #expect(boxes.count == count)
        for i in boxes.indices {
            for j in boxes.indices where j > i {
                let a = boxes[i], b = boxes[j]
                let overlap = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
                #expect(!overlap, "labels of \(d.nodes[i + 1].name) and \(d.nodes[j + 1].name) overlap")
            }
        }
        // A moved label stays near its node.
        for n in d.nodes { #expect(abs(n.labelShift) <= 3 * GraphLayout.labelLineHeight, "\(n.name) moved \(n.labelShift)") }
    }
}
