extension Duration {
    /// The duration in seconds, as a floating-point number.
    public var seconds: Double {
        let c = components
        return Double(c.seconds) + Double(c.attoseconds) / 1e18
    }
}
