import Testing
@testable import CrossingsCore

@Suite("ReportedValue agreement")
struct AgreementTests {
    func exact(_ v: Int, _ printed: String = "") -> ReportedValue { ReportedValue(value: v, qualifier: .exact, printed: printed) }
    func about(_ v: Int, _ printed: String = "") -> ReportedValue { ReportedValue(value: v, qualifier: .about, printed: printed) }

    /// Agreement is symmetric; every check runs both ways.
    func agree(_ a: ReportedValue, _ b: ReportedValue) -> Bool {
        let ab = a.agrees(with: b), ba = b.agrees(with: a)
        #expect(ab == ba, "agreement must be symmetric: \(a.display) vs \(b.display)")
        return ab && ba
    }

    @Test func nearlyThirteenThousandAgreesWith13221() {
        // 13,000 is stated to the thousand: 13,000 ± 500 = 12,500…13,500.
        let nearly = about(13000, "nearly 13,000")
        #expect(agree(nearly, exact(13221, "13,221")))
        #expect(agree(nearly, exact(12500, "12,500")))
        #expect(agree(nearly, exact(13500, "13,500")))
        #expect(!agree(nearly, exact(13501, "13,501")))
        #expect(!agree(nearly, exact(12499, "12,499")))
    }

    @Test func aboutThreeHundred() {
        // ± 50 for the unit of 100, capped at 10 %: 300 ± 30.
        #expect(agree(about(300, "only around 300"), exact(295)))
        #expect(agree(about(300), exact(270)))
        #expect(agree(about(300), exact(330)))
        #expect(!agree(about(300), exact(269)))
        #expect(!agree(about(300), exact(331)))
    }

    @Test func aboutIsCappedAtTenPercent() {
        // Unit 10,000 would allow ± 5,000; 10 % of 10,000 is 1,000.
        #expect(!agree(about(10000, "about 10,000"), exact(6000)))
        #expect(agree(about(10000, "about 10,000"), exact(9000)))
        #expect(!agree(about(10000, "about 10,000"), exact(8999)))
    }

    @Test func atLeast() {
        let over20k = ReportedValue(value: 20000, qualifier: .atLeast, printed: "more than 20,000")
        #expect(!agree(over20k, exact(13221)))
        #expect(agree(over20k, exact(20000)))
        #expect(agree(over20k, exact(1_000_000)))
        let over13220 = ReportedValue(value: 13220, qualifier: .atLeast, printed: "over 13,220")
        #expect(agree(over13220, exact(13221)))
        #expect(!agree(over13220, exact(13219)))
        // Two open-ended values always overlap.
        #expect(agree(over20k, over13220))
    }

    @Test func atMost() {
        let upTo = ReportedValue(value: 500, qualifier: .atMost, printed: "up to 500")
        #expect(agree(upTo, exact(0)))
        #expect(agree(upTo, exact(500)))
        #expect(!agree(upTo, exact(501)))
        #expect(!agree(upTo, ReportedValue(value: 600, qualifier: .atLeast)))
    }

    @Test func exactWithAllDigitsIsThatNumberOnly() {
        #expect(!agree(exact(370, "370"), exact(366, "366")))
        #expect(agree(exact(370, "370"), exact(370, "370")))
        #expect(!agree(exact(13221, "13,221"), exact(13220, "13,220")))
        // Multiples of 10 and 100 below 1,000 still count as all digits.
        #expect(!agree(exact(900, "900"), exact(899)))
    }

    @Test func exactRoundNumberIsRounded() {
        // 10,000 rounded to the ten-thousand: ± 5,000, capped at ± 1,000 (10 %).
        #expect(agree(exact(10000, "10,000"), exact(9985, "9,985")))
        #expect(agree(exact(10000, "10,000"), exact(11000)))
        #expect(!agree(exact(10000, "10,000"), exact(11001)))
        #expect(!agree(exact(10000, "10,000"), exact(8999)))
    }

    @Test func exactWithScaleWord() {
        // "6.62 million": stated to the 10,000, so 6,615,000…6,625,000.
        let m = exact(6_620_000, "6.62 million")
        #expect(m.roundingUnit == 10000)
        #expect(agree(m, exact(6_615_000)))
        #expect(agree(m, exact(6_625_000)))
        #expect(!agree(m, exact(6_500_000)))
        #expect(!agree(m, exact(6_614_999)))
        #expect(!m.isPrecise)
        // "5.5K": stated to the hundred.
        #expect(exact(5500, "5.5K").roundingUnit == 100)
        #expect(exact(2_000_000, "2 mln").roundingUnit == 1_000_000)
        // A word that only starts with a scale letter is not a scale.
        #expect(exact(370, "370 migrants").roundingUnit == 10)
        #expect(exact(370, "370 migrants").isPrecise)
    }

    @Test func range() {
        let r = ReportedValue(value: 20000, high: 50000, qualifier: .range, printed: "20,000 to 50,000")
        #expect(agree(r, exact(30000)))
        #expect(agree(r, exact(20000)))
        #expect(agree(r, exact(50000)))
        #expect(!agree(r, exact(60000)))
        #expect(!agree(r, exact(19999)))
        #expect(agree(r, ReportedValue(value: 55000, high: 70000, qualifier: .range)) == false)
        #expect(agree(r, ReportedValue(value: 45000, high: 70000, qualifier: .range)))
    }

    @Test func isPrecise() {
        #expect(exact(13221, "13,221").isPrecise)
        #expect(exact(0, "0").isPrecise)
        #expect(exact(3, "a mere three").isPrecise)
        #expect(exact(370, "370").isPrecise)
        #expect(!exact(10000, "10,000").isPrecise)
        #expect(!about(295, "about 295").isPrecise)
        #expect(!ReportedValue(value: 13220, qualifier: .atLeast).isPrecise)
        #expect(!ReportedValue(value: 13220, qualifier: .atMost).isPrecise)
        #expect(!ReportedValue(value: 20000, high: 50000, qualifier: .range).isPrecise)
    }

    @Test func display() {
        #expect(exact(13221).display == "13,221")
        #expect(about(13000, "nearly 13,000").display == "~13,000")
        #expect(ReportedValue(value: 13220, qualifier: .atLeast).display == ">=13,220")
        #expect(ReportedValue(value: 500, qualifier: .atMost).display == "<=500")
        #expect(ReportedValue(value: 20000, high: 50000, qualifier: .range).display == "20,000-50,000")
    }

    @Test func formatCountGroupsThousands() {
        #expect(formatCount(0) == "0")
        #expect(formatCount(7) == "7")
        #expect(formatCount(999) == "999")
        #expect(formatCount(1000) == "1,000")
        #expect(formatCount(13221) == "13,221")
        #expect(formatCount(100_000) == "100,000")
        #expect(formatCount(6_620_000) == "6,620,000")
        #expect(formatCount(-1234) == "-1,234")
        #expect(formatCount(-12) == "-12")
    }
}
