import Testing
@testable import GlossCore

@Suite("ProgressMeter")
struct ProgressMeterTests {
    @Test func lineShowsCountRateAndTimeLeft() {
        let meter = ProgressMeter(label: "check", total: 1000, width: 80, color: false)
        let line = meter.line(done: 250, elapsed: 5)
        #expect(line.hasPrefix("check ━"))
        #expect(line.hasSuffix("  250/1000  50.0/s  ETA 15s"))
        #expect(line.unicodeScalars.count == 80)
        // A quarter of the bar is done.
        let bar = line.unicodeScalars.filter { $0 == "━" || $0 == "─" }
        #expect(bar.filter { $0 == "━" }.count == bar.count / 4)
        #expect(!line.contains("\u{1B}"))
        #expect(meter.line(done: 1000, elapsed: 4).hasSuffix("  1000/1000  250/s"))
        #expect(meter.line(done: 0, elapsed: 0).hasSuffix("  0/1000"))
    }

    @Test func colourOnlyWhenAllowed() {
        #expect(ProgressMeter(label: "x", total: 10, color: true).line(done: 5, elapsed: 1).contains("\u{1B}[32m"))
        #expect(!ProgressMeter(label: "x", total: 10, color: false).line(done: 5, elapsed: 1).contains("\u{1B}"))
    }

    @Test func narrowTerminalsGetNoBar() {
        let line = ProgressMeter(label: "check", total: 10_000, width: 30, color: false).line(done: 10, elapsed: 1)
        #expect(line == "check  10/10000  10.0/s  ETA 16m39s")
    }

    @Test(arguments: [(5.0, "5s"), (59.2, "1m00s"), (125, "2m05s"), (3725, "1h02m")])
    func durations(seconds: Double, text: String) {
        #expect(ProgressMeter.duration(seconds) == text)
    }

    @Test func drawsAtMostOnceAnIntervalAndAlwaysTheEnd() {
        var meter = ProgressMeter(label: "check", total: 3, color: false, interval: 0.1)
        #expect(meter.finish() == "")
        #expect(meter.update(done: 0, now: 10)?.hasPrefix("\r") == true)
        #expect(meter.update(done: 1, now: 10.05) == nil)
        #expect(meter.update(done: 2, now: 10.2) != nil)
        #expect(meter.update(done: 3, now: 10.21)?.contains("3/3") == true)
        #expect(meter.finish() == "\r\u{1B}[K")
        #expect(meter.finish() == "")
    }
}
