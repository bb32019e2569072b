import ExactNumeric
import Foundation
import Reconciliation

/// An inline SVG line chart of an aggregate's cumulative daily drift, explained vs unexplained, with exact tick labels.
enum DriftChart {
    private static let (width, height) = (760.0, 300.0)
    private static let (left, right, top, bottom) = (84.0, 44.0, 40.0, 56.0)

    /// The chart of one series of `aggregate` (one unit's, or every group's), or a short note when it has no daily
    /// drift or an amount is not a decimal.
    static func svg(_ aggregate: MonthlyAggregate, unit: String?, daily: [MonthlyAggregate.DailyDrift]) -> String {
        let explained = cumulative(daily.map(\.explained))
        let unexplained = cumulative(daily.map(\.unexplained))
        guard let explained, let unexplained, !explained.isEmpty else {
            return "<p class=\"none\">no daily drift to chart</p>"
        }
        let axis = DriftAxis(covering: explained + unexplained)
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let x = { (index: Int) in left + (explained.count == 1 ? plotWidth / 2 : plotWidth * Double(index) / Double(explained.count - 1)) }
        let y = { (value: ExactDecimal) in top + plotHeight * (1 - axis.fraction(value)) }
        let title = "\(aggregate.name)\(aggregate.unit == nil ? "" : " in \(unit ?? "NULL")"): cumulative drift, new minus legacy"
        var parts = [
            "<svg class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(Escaping.html(title))\""
                + ">",
            "<title>\(Escaping.html(title))</title>",
        ]
        for tick in axis.ticks {
            let position = format(y(tick))
            parts.append("<line class=\"\(tick.isZero ? "zero" : "grid")\" x1=\"\(format(left))\" x2=\"\(format(width - right))\" y1=\"\(position)\" y2=\"\(position)\"/>")
            parts.append("<text class=\"tick\" x=\"\(format(left - 6))\" y=\"\(position)\" text-anchor=\"end\" dominant-baseline=\"middle\">\(Escaping.html(Humanized.amount(tick.description)))</text>")
        }
        let year = commonYear(daily.map(\.label))
        for index in labelled(count: explained.count) {
            let day = daily[index]
            // The end labels hug the plot's edges so they clear the value ticks and the margin.
            let anchor = explained.count == 1 ? "middle" : index == 0 ? "start" : index == explained.count - 1 ? "end" : "middle"
            parts.append("<line class=\"grid\" x1=\"\(format(x(index)))\" x2=\"\(format(x(index)))\" y1=\"\(format(height - bottom))\" y2=\"\(format(height - bottom + 4))\"/>")
            parts.append("<text class=\"tick\" x=\"\(format(x(index)))\" y=\"\(format(height - bottom + 16))\" text-anchor=\"\(anchor)\">\(Escaping.html(String(day.label.dropFirst(year.count))))</text>")
        }
        parts.append("<line class=\"axis\" x1=\"\(format(left))\" x2=\"\(format(left))\" y1=\"\(format(top))\" y2=\"\(format(height - bottom))\"/>")
        parts.append("<text class=\"axis-title\" x=\"\(format(left + plotWidth / 2))\" y=\"\(format(height - 10))\" text-anchor=\"middle\">cycle (business day\(year.isEmpty ? "" : ", " + Escaping.html(String(year.dropLast()))))</text>")
        parts.append("<text class=\"axis-title\" transform=\"translate(16 \(format(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\">cumulative drift (new − legacy)</text>")
        for (series, values) in [("explained", explained), ("unexplained", unexplained)] {
            let points = values.enumerated().map { "\(format(x($0.offset))),\(format(y($0.element)))" }.joined(separator: " ")
            parts.append("<polyline class=\"\(series)\" points=\"\(points)\"/>")
        }
        parts.append(legend(explained: explained.last!, unexplained: unexplained.last!, unit: aggregate.unit == nil ? nil : unit ?? "NULL"))
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// Running totals of `amounts`, or nil when one is not a finite decimal.
    static func cumulative(_ amounts: [String]) -> [ExactDecimal]? {
        var total = ExactDecimal.zero
        var totals: [ExactDecimal] = []
        for amount in amounts {
            guard let value = ExactDecimal(amount), value.isFinite else { return nil }
            total = total + value
            totals.append(total)
        }
        return totals
    }

    /// Every few indices (at most about 8 labels), always the first and the last (end-anchored, so a full step from the one before).
    private static func labelled(count: Int) -> [Int] {
        let every = max(1, Int((Double(count) / 7).rounded(.up)))
        let spaced = stride(from: 0, to: count, by: every).filter { $0 == 0 || count - 1 - $0 >= every }
        return spaced.last == count - 1 ? spaced : spaced + [count - 1]
    }

    /// `2026-` when every label is a `YYYY-MM-DD` date of that year (the tick labels then drop it), else empty.
    private static func commonYear(_ labels: [String]) -> String {
        guard let first = labels.first, first.count == 10, first.dropFirst(4).first == "-" else { return "" }
        let year = String(first.prefix(5))
        return labels.allSatisfy { $0.count == 10 && $0.hasPrefix(year) } ? year : ""
    }

    private static func legend(explained: ExactDecimal, unexplained: ExactDecimal, unit: String?) -> String {
        let items = [("explained", "explained by findings (bridge)", explained), ("unexplained", "unexplained", unexplained)]
        return items.enumerated().map { index, item in
            let x = left + Double(index) * 300
            return "<line class=\"\(item.0)\" x1=\"\(format(x))\" x2=\"\(format(x + 28))\" y1=\"16\" y2=\"16\"/>"
                + "<text class=\"legend\" x=\"\(format(x + 34))\" y=\"16\" dominant-baseline=\"middle\">"
                + "\(Escaping.html(item.1)): \(Escaping.html(Humanized.amount(item.2.description) + (unit.map { " " + $0 } ?? "")))</text>"
        }.joined(separator: "\n")
    }

    private static func format(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}
