import Foundation
import ExactNumeric

/// A value axis with round exact-decimal ticks (1, 2 or 5 × 10ⁿ apart) covering a range that includes zero.
struct DriftAxis {
    /// Tick values, lowest first; the first and last are the axis ends.
    let ticks: [ExactDecimal]

    /// An axis over `values` and zero with about `count` intervals.
    init(covering values: [ExactDecimal], count: Int = 4) {
        let low = min(values.min() ?? .zero, .zero)
        let high = max(values.max() ?? .zero, .zero)
        let step = Self.step(for: Self.double(high - low) / Double(count))
        var index = Int((Self.double(low) / Self.double(step)).rounded(.down))
        while Self.tick(index, step) > low { index -= 1 }
        while Self.tick(index + 1, step) <= low { index += 1 }
        var ticks = [Self.tick(index, step)]
        repeat {
            index += 1
            ticks.append(Self.tick(index, step))
        } while ticks.last! < high
        self.ticks = ticks
    }

    /// Where `value` lies between the axis ends, 0 at the lowest tick and 1 at the highest.
    func fraction(_ value: ExactDecimal) -> Double {
        Self.double(value - ticks.first!) / Self.double(ticks.last! - ticks.first!)
    }

    /// The round step (1, 2 or 5 × 10ⁿ) at or above `rough`; 1 for an empty range.
    private static func step(for rough: Double) -> ExactDecimal {
        guard rough > 0, rough.isFinite else { return 1 }
        var exponent = Int(log10(rough).rounded(.down))
        let fraction = rough / pow(10, Double(exponent))
        let multiplier: Int
        switch fraction {
        case ...1.0001: multiplier = 1
        case ...2.0001: multiplier = 2
        case ...5.0001: multiplier = 5
        default: multiplier = 1; exponent += 1
        }
        return ExactDecimal(coefficient: multiplier, scale: -exponent)
    }

    private static func tick(_ index: Int, _ step: ExactDecimal) -> ExactDecimal {
        ExactDecimal(coefficient: index) * step
    }

    /// A position for drawing only; amounts themselves stay exact.
    static func double(_ value: ExactDecimal) -> Double {
        Double(value.description) ?? 0
    }
}
