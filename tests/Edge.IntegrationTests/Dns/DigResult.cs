using System.Text.RegularExpressions;

namespace Edge.IntegrationTests.Dns;

/// <summary>One dig or kdig answer as text: status, header flags, and the answer and authority
/// records normalized for comparison (TTL apart, lower-case owner, single spaces). When dig retried
/// over TCP, the last answer counts.</summary>
public sealed partial record DigResult(string Status, IReadOnlySet<string> Flags, IReadOnlyList<DigRecord> Answer, IReadOnlyList<DigRecord> Authority, string Raw)
{
    /// <summary>No answer at all (timeout): dig's status is empty.</summary>
    public bool NoReply => Status.Length == 0;

    public bool Truncated => Flags.Contains("tc");

    /// <summary>dig's "MSG SIZE rcvd" (kdig's "Received N B") of the last answer; 0 when not shown.</summary>
    public int MessageSize
    {
        get
        {
            var sizes = SizePattern().Matches(Raw);
            return sizes.Count == 0 ? 0 : int.Parse(sizes[^1].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public bool RetriedOverTcp => Raw.Contains("Truncated, retrying in TCP mode", StringComparison.Ordinal);

    /// <summary>The data of the answer records of one type, sorted.</summary>
    public IReadOnlyList<string> Data(string type) =>
        [.. Answer.Where(r => r.Type == type).Select(r => r.Data).Order(StringComparer.Ordinal)];

    public static DigResult Parse(string raw)
    {
        var headers = HeaderPattern().Matches(raw);
        if (headers.Count == 0)
            return new DigResult("", new HashSet<string>(), [], [], raw);
        var last = raw[headers[^1].Index..];
        var status = headers[^1].Groups[1].Value;
        var flagMatch = FlagsPattern().Match(last);
        var flags = flagMatch.Success
            ? flagMatch.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(f => f.ToLowerInvariant()).ToHashSet()
            : [];
        List<DigRecord> answer = [];
        List<DigRecord> authority = [];
        List<DigRecord>? section = null;
        foreach (var rawLine in last.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.StartsWith(';'))
            {
                section = line.Contains("ANSWER SECTION", StringComparison.Ordinal) ? answer
                    : line.Contains("AUTHORITY SECTION", StringComparison.Ordinal) ? authority
                    : line.Contains("SECTION", StringComparison.Ordinal) ? null
                    : section;
                continue;
            }
            if (line.Length == 0 || section is null)
                continue;
            if (DigRecord.TryParse(line, out var record))
                section.Add(record);
        }
        return new DigResult(status, flags, answer, authority, raw);
    }

    // dig: "->>HEADER<<- opcode: QUERY, status: NOERROR, id: 1"; kdig: "opcode: QUERY; status: NOERROR; id: 1".
    [GeneratedRegex(@"->>HEADER<<- opcode: \w+[,;] status: (\w+)")]
    private static partial Regex HeaderPattern();

    [GeneratedRegex(@"(?:MSG SIZE  rcvd: |;; Received )(\d+)")]
    private static partial Regex SizePattern();

    // dig: ";; flags: qr aa rd ra; QUERY: 1"; kdig: ";; Flags: qr aa rd ra; QUERY: 1".
    [GeneratedRegex(@"(?i);; flags:([a-z ]*);")]
    private static partial Regex FlagsPattern();
}

/// <summary>One resource record in presentation form, TTL apart.</summary>
public sealed record DigRecord(string Name, uint Ttl, string Class, string Type, string Data)
{
    /// <summary>The record without its TTL: what must be identical through the forwarder.</summary>
    public string Key => $"{Name} {Class} {Type} {Data}";

    public static bool TryParse(string line, out DigRecord record)
    {
        record = null!;
        var parts = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 4 || !uint.TryParse(parts[1], out var ttl))
            return false;
        // kdig abbreviates nothing here, but prints long TXT strings split the same way as dig.
        record = new DigRecord(parts[0].ToLowerInvariant(), ttl, parts[2], parts[3], string.Join(' ', parts.Skip(4)));
        return true;
    }

    public override string ToString() => $"{Name} {Ttl} {Class} {Type} {Data}";
}
