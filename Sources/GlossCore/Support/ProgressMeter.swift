/// A progress bar for long work over many items (sources, entries): what to draw on one terminal
/// line — a bar, the count, the rate and the time left — and when, so that drawing never costs
/// more than the work. Knows nothing of terminals: the caller writes the strings it returns.
///
///     check ━━━━━━━━━━━━━━━━╸━━━━━━━━━━━━━━━━━━━━━━  412/1000  95.3/s  ETA 6s
public struct ProgressMeter: Sendable {
    /// What is counted, shown before the bar (`check`).
    public let label: String
    public let total: Int
    /// The columns the line may take.
    public let width: Int
    /// Whether the bar may be coloured (ANSI); false when `NO_COLOR` is set.
    public let color: Bool
    /// The least time between two draws, in seconds.
    public let interval: Double

    private var start: Double?
    private var lastDraw: Double?
    private var drawn = false

    public init(label: String, total: Int, width: Int = 80, color: Bool = true, interval: Double = 0.1) {
        self.label = label
        self.total = max(total, 0)
        self.width = max(width, 20)
        self.color = color
        self.interval = interval
    }

    /// The text that redraws the line for `done` items at time `now` (seconds, any origin), or nil
    /// when the last draw was less than `interval` ago (the last item is always drawn).
    public mutating func update(done: Int, now: Double) -> String? {
        if start == nil { start = now }
        if let lastDraw, now - lastDraw < interval, done < total { return nil }
        lastDraw = now
        drawn = true
        return "\r" + line(done: done, elapsed: now - start!) + "\u{1B}[K"
    }

    /// The text that clears the line, once something was drawn (an empty string otherwise).
    public mutating func finish() -> String {
        guard drawn else { return "" }
        drawn = false
        return "\r\u{1B}[K"
    }

    /// The line for `done` items after `elapsed` seconds: label, bar, count, rate and time left.
    public func line(done: Int, elapsed: Double) -> String {
        let done = min(max(done, 0), total)
        let count = "\(done)/\(total)"
        var stats = "  \(count)"
        if elapsed > 0, done > 0 {
            let rate = Double(done) / elapsed
            stats += "  " + Self.rate(rate)
            if done < total { stats += "  ETA " + Self.duration(Double(total - done) / rate) }
        }
        let barWidth = width - label.unicodeScalars.count - 1 - stats.unicodeScalars.count
        guard barWidth >= 10 else { return label + stats }
        return label + " " + bar(fraction: total == 0 ? 1 : Double(done) / Double(total), width: barWidth) + stats
    }

    /// A bar `width` columns wide, filled to `fraction`: heavy lines done, light ones to do (in
    /// colour, dim, when allowed), so that it reads without colour too.
    func bar(fraction: Double, width: Int) -> String {
        let filled = min(width, Int((fraction * Double(width)).rounded(.down)))
        let done = String(repeating: "━", count: filled)
        let rest = String(repeating: "─", count: width - filled)
        return color ? "\u{1B}[32m\(done)\u{1B}[2m\(rest)\u{1B}[0m" : done + rest
    }

    /// `95.3/s`, `1200/s`.
    static func rate(_ perSecond: Double) -> String {
        perSecond >= 100 ? "\(Int(perSecond.rounded()))/s" : "\((perSecond * 10).rounded() / 10)/s"
    }

    /// `6s`, `2m05s`, `1h02m`.
    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded(.up))
        if total < 60 { return "\(total)s" }
        if total < 3600 { return "\(total / 60)m" + pad(total % 60) + "s" }
        return "\(total / 3600)h" + pad(total % 3600 / 60) + "m"
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
