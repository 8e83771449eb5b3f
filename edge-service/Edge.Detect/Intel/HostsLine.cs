namespace Edge.Detect.Intel;

/// <summary>hosts(5) lines: an address then one or more names. Sink addresses (0.0.0.0,
/// 127.0.0.1, ::, ::1) or any address followed by a dotted name; the loopback names hosts files
/// carry for themselves are skipped.</summary>
internal static class HostsLine
{
    public static bool IsHostsLine(LineTokens tokens)
    {
        var first = tokens[0];
        if (first.SequenceEqual("0.0.0.0"u8) || first.SequenceEqual("127.0.0.1"u8)
            || first.SequenceEqual("::"u8) || first.SequenceEqual("::1"u8))
            return true;
        return first.IndexOf((byte)'/') < 0 && tokens[1].IndexOf((byte)'.') >= 0
            && CidrText.TryParseAddress(first, out _);
    }

    public static void Parse(LineTokens tokens, IIntelLineSink sink)
    {
        if (tokens.Truncated)
        {
            sink.Rejected(IntelLineError.ExtraColumns);
            return;
        }
        for (var i = 1; i < tokens.Count; i++)
        {
            if (!IsLocalName(tokens[i]))
                IntelLineParser.DomainEntry(tokens[i], [], sink);
        }
    }

    private static bool IsLocalName(ReadOnlySpan<byte> name) =>
        name.SequenceEqual("localhost"u8) || name.SequenceEqual("localhost.localdomain"u8)
        || name.SequenceEqual("local"u8) || name.SequenceEqual("broadcasthost"u8)
        || name.SequenceEqual("0.0.0.0"u8) || name.StartsWith("ip6-"u8);
}
