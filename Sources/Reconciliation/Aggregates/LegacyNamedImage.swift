import ParityConfig
import ParityModel

/// A new-side row image seen through its table mapping in legacy terms, so one expression, filter or
/// group-by written with legacy column names reads both sides.
public enum LegacyNamedImage {
    /// `image` with every mapped column (keys included) under its legacy name and its value translated
    /// back through the column's value map; unmapped columns keep their own names unless a legacy name took them.
    public static func view(of image: RowImage, mapping: TableMapping) -> RowImage {
        var view = image
        for (legacy, new) in zip(mapping.key.legacy, mapping.key.new) { view[legacy] = image[new] }
        for column in mapping.columns {
            guard let value = image[column.new] else { view.removeValue(forKey: column.legacy); continue }
            view[column.legacy] = value.map { reverse(column.map, $0) }
        }
        return view
    }

    /// The legacy value mapping to the same bytes as `value` (the smallest by bytes when several do), or `value` itself.
    private static func reverse(_ map: [ExactText: String], _ value: String) -> String {
        map.filter { ExactText($0.value) == ExactText(value) }.keys.min()?.rawValue ?? value
    }
}
