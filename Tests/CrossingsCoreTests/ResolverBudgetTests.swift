import Testing
@testable import CrossingsCore

/// The resolver keeps what it worked out within a budget in estimated bytes (issue 11): past
/// it, the years of flows least recently worked on are forgotten, and worked out again, the same, if asked.
@Suite("Resolver budget")
struct ResolverBudgetTests {
    /// Every period and category of every year of every flow in the fixture (blocks and simple years).
    static func everyKey(_ data: Dataset) -> [FigureKey] {
        var years: [Flow: Set<Int>] = [:]
        for key in data.keys where !key.period.isRange { years[key.flow, default: []].insert(key.period.year) }
        var keys: [FigureKey] = []
        for (flow, ys) in years.sorted(by: { $0.key.description < $1.key.description }) {
            for year in ys.sorted() {
                for p in Resolver.periods(of: year) {
                    keys.append(FigureKey(flow: flow, period: p, measure: .total))
                    for m in [Measure.purpose, .transport] {
                        for c in data.categories(of: m) + [notStatedCategory] { keys.append(FigureKey(flow: flow, period: p, measure: m, category: c)) }
                    }
                }
            }
        }
        return keys
    }

    @Test func aTinyBudgetKeepsOneYearAndTheSameAnswers() throws {
        let data = try loadFixture("resolver")
        let unbounded = Resolver(data, budget: .max), tiny = Resolver(data, budget: 1)
        let keys = Self.everyKey(data)
        try #require(Set(keys.map(\.flow)).count >= 3)
        for k in keys {
            let a = unbounded.resolution(k), b = tiny.resolution(k)
            #expect(a.primary?.value == b.primary?.value && a.marked == b.marked && a.reasons == b.reasons
                    && a.derivations.map(\.formula) == b.derivations.map(\.formula), "\(k)")
            // Only the year being worked on is kept: every other went as soon as the budget was passed.
            #expect(tiny.keptYearCount <= 1)
        }
        #expect(unbounded.keptFlowCount == Set(keys.map(\.flow)).count)
        // Asked again after being forgotten: the same.
        for k in keys.prefix(40) { #expect(tiny.resolution(k).primary?.value == unbounded.resolution(k).primary?.value) }
    }

    @Test func keptBytesStayWithinTheBudget() throws {
        let data = try loadFixture("resolver")
        let all = Resolver(data, budget: .max)
        for k in Self.everyKey(data) { _ = all.resolution(k) }
        // Half of what everything takes: the budget holds, flows go, bytes are given back on forgetting.
        let budget = all.keptBytes / 2
        let half = Resolver(data, budget: budget)
        for k in Self.everyKey(data) {
            _ = half.resolution(k)
            #expect(half.keptBytes <= max(budget, half.largestYearBytes))
        }
        #expect(half.keptYearCount < all.keptYearCount)
        for flow in Set(Self.everyKey(data).map(\.flow)) { half.forget(flow: flow) }
        #expect(half.keptBytes == 0 && half.keptFlowCount == 0)
    }
}
