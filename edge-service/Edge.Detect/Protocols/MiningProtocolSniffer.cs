namespace Edge.Detect.Protocols;

/// <summary>Recognises Stratum and xmrig-style pool JSON-RPC in a client-to-server TCP payload on
/// any port, by the <c>"method"</c> member of each top-level object, never by substring: a
/// <c>"method"</c> inside a string value or a nested object does not count.</summary>
public static class MiningProtocolSniffer
{
    public static MiningMatch Inspect(ReadOnlySpan<byte> clientPayload) => Inspect(clientPayload, out _);

    /// <summary>The kind of the first recognised message in the payload, and the worker or login name
    /// (the first positional parameter of authorize/submit, or <c>params.login</c>) as a range of
    /// the payload, raw as sent; an empty range when none was named.</summary>
    public static MiningMatch Inspect(ReadOnlySpan<byte> clientPayload, out Range worker)
    {
        worker = default;
        var found = MiningMatch.None;
        var reader = new JsonRpcReader(clientPayload);
        while (reader.TryReadMessage(out var facts))
        {
            var match = Classify(clientPayload, facts, out var name);
            if (match == MiningMatch.None)
                continue;
            if (found == MiningMatch.None)
                found = match;
            if (worker.Equals(default(Range)) && !name.Equals(default(Range)))
                worker = name;
        }
        return found;
    }

    private static MiningMatch Classify(ReadOnlySpan<byte> payload, in JsonRpcFacts facts, out Range worker)
    {
        worker = default;
        if (facts.MethodLength < 0)
            return MiningMatch.None;
        var method = payload.Slice(facts.MethodStart, facts.MethodLength);
        var firstParam = facts.FirstParamLength > 0
            ? new Range(facts.FirstParamStart, facts.FirstParamStart + facts.FirstParamLength)
            : default;
        if (method.StartsWith("mining."u8) && method.Length > "mining."u8.Length)
        {
            if (method.SequenceEqual("mining.subscribe"u8))
                return MiningMatch.StratumSubscribe;
            worker = firstParam;
            if (method.SequenceEqual("mining.authorize"u8))
                return MiningMatch.StratumAuthorize;
            if (method.SequenceEqual("mining.submit"u8))
                return MiningMatch.StratumSubmit;
            worker = default;
            return MiningMatch.StratumOther;
        }
        if (method.SequenceEqual("login"u8) && facts.HasAgent)
        {
            if (facts.LoginLength > 0)
                worker = new Range(facts.LoginStart, facts.LoginStart + facts.LoginLength);
            return MiningMatch.XmrigLogin;
        }
        if (method.SequenceEqual("submit"u8) && facts.HasJobId && facts.HasNonce)
            return MiningMatch.XmrigSubmit;
        if (method.SequenceEqual("keepalived"u8))
            return MiningMatch.XmrigKeepalived;
        return MiningMatch.None;
    }
}
