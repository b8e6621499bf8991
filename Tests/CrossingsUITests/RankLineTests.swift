@testable import CrossingsCore
@testable import CrossingsUI
import Testing

/// A ranking line keeps a blank between the country's name and its value at every width, even
/// when the name fills (or overflows) its column: `Kazakhstan4,324,856*` read as one word.
@Suite struct RankLineTests {
    @Test(arguments: [32, 33, 35, 38, 39, 40, 59, 60, 80, 120])
    func aNameNeverTouchesItsValue(width: Int) throws {
        let flow = try Flow(parsing: "KZ-RU")
        let value = ReportedValue(value: 4_324_856)
        let figure = ShownFigure(key: FigureKey(flow: flow, period: .year(2019), measure: .total), value: value, isDerived: true,
                                 rows: [], agrees: true, sourceCount: 1, alternatives: 0)
        for name in ["Kazakhstan", "Ukraine", "Korea, Democratic People's Republic of", "K"] {
            let row = RankRow(rank: 2, flow: flow, code: "KZ", name: name, figure: figure, change: nil)
            var screen = Screen(Size(width: width, height: 1))
            _ = screen.put(rankLine(row, width: width, scale: 4_324_856), x: 0, y: 0, limit: width)
            let text = screen.text
            let digits = try #require(text.firstRange(of: "4,324,856"), "\(text)")
            #expect(text[..<digits.lowerBound].last == " ", "\(width): \(text)")
        }
    }
}
