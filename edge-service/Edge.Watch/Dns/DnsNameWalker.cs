namespace Edge.Watch.Dns;

/// <summary>Validates a name and finds where it ends in place.</summary>
internal static class DnsNameWalker
{
    public static DnsError Skip(ReadOnlySpan<byte> message, int offset, int limit, DnsError truncated, out int end)
    {
        var reader = new DnsLabelReader(message, offset, limit, truncated);
        DnsError error;
        while (reader.TryNext(out _, out error))
        {
        }
        end = reader.End;
        return error;
    }

    /// <summary>A name that must fill <c>[offset, end)</c> exactly, as the sole or last field of RDATA.</summary>
    public static DnsError SkipExactly(ReadOnlySpan<byte> message, int offset, int end)
    {
        var error = Skip(message, offset, end, DnsError.BadRdata, out var nameEnd);
        if (error != DnsError.None)
            return error;
        return nameEnd == end ? DnsError.None : DnsError.BadRdata;
    }
}
