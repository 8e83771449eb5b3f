using System.Globalization;
using Edge.Watch.Net;

namespace Edge.Detect.Suppressions;

/// <summary>Reads a suppression file: one suppression a line, <c>field=value</c> pairs separated by
/// spaces, values with spaces in double quotes, <c>#</c> comments. Fields: rule, category, client and
/// dst (address or CIDR), indicator, reason (required), expires (ISO 8601 date or time, UTC).
/// <code>rule=edge.cnc.beacon dst=203.0.113.66 reason="Windows Update checks" expires=2027-06-30</code>
/// A bad line is reported with its number and field and skipped; the others still load.</summary>
public static class SuppressionParser
{
    public static (List<Suppression> Suppressions, List<string> Errors) Parse(string file, IEnumerable<string> lines)
    {
        var suppressions = new List<Suppression>();
        var errors = new List<string>();
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
                continue;
            if (TryParseLine(line, out var suppression, out var error))
                suppressions.Add(suppression with { Origin = $"{file}:{number}" });
            else
                errors.Add($"{file}:{number}: {error}");
        }
        return (suppressions, errors);
    }

    private static bool TryParseLine(string line, out Suppression suppression, out string error)
    {
        suppression = null!;
        string? rule = null, category = null, indicator = null, reason = null;
        IpAddr client = default, destination = default;
        int clientPrefix = 0, destinationPrefix = 0;
        long? expires = null;
        var fields = 0;
        foreach (var (name, value) in Pairs(line))
        {
            switch (name)
            {
                case "rule": rule = value; fields++; break;
                case "category": category = value; fields++; break;
                case "indicator": indicator = value.TrimEnd('.'); fields++; break;
                case "reason": reason = value; break;
                case "client":
                    if (!TryParseNetwork(value, out client, out clientPrefix))
                        return Fail($"client: '{value}' is not an address or CIDR", out error);
                    fields++;
                    break;
                case "dst":
                    if (!TryParseNetwork(value, out destination, out destinationPrefix))
                        return Fail($"dst: '{value}' is not an address or CIDR", out error);
                    fields++;
                    break;
                case "expires":
                    if (!DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var when))
                        return Fail($"expires: '{value}' is not a date", out error);
                    expires = (when - DateTime.UnixEpoch).Ticks / 10;
                    break;
                case "":
                    return Fail($"'{value}' is not field=value", out error);
                default:
                    return Fail($"{name}: unknown field (rule, category, client, dst, indicator, reason, expires)", out error);
            }
        }
        if (reason is null or "")
            return Fail("reason: every suppression needs one", out error);
        if (fields == 0)
            return Fail("a suppression must name at least one of rule, category, client, dst, indicator", out error);
        suppression = new Suppression
        {
            Rule = rule,
            Category = category,
            Indicator = indicator,
            Reason = reason,
            Client = client,
            ClientPrefix = clientPrefix,
            Destination = destination,
            DestinationPrefix = destinationPrefix,
            ExpiresMicros = expires,
        };
        error = "";
        return true;
    }

    private static IEnumerable<(string Name, string Value)> Pairs(string line)
    {
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && line[i] == ' ')
                i++;
            if (i == line.Length)
                yield break;
            var start = i;
            while (i < line.Length && line[i] != '=' && line[i] != ' ')
                i++;
            if (i == line.Length || line[i] != '=')
            {
                yield return ("", line[start..i]);
                continue;
            }
            var name = line[start..i];
            i++;
            string value;
            if (i < line.Length && line[i] == '"')
            {
                var close = line.IndexOf('"', i + 1);
                var end = close < 0 ? line.Length : close;
                value = line[(i + 1)..end];
                i = close < 0 ? line.Length : close + 1;
            }
            else
            {
                var valueStart = i;
                while (i < line.Length && line[i] != ' ')
                    i++;
                value = line[valueStart..i];
            }
            yield return (name, value);
        }
    }

    private static bool TryParseNetwork(string text, out IpAddr network, out int prefix)
    {
        network = default;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var address = slash < 0 ? text : text[..slash];
        if (!System.Net.IPAddress.TryParse(address, out var parsed))
        {
            prefix = 0;
            return false;
        }
        network = IpAddr.Parse(parsed.ToString());
        var max = network.IsIPv4 ? 32 : 128;
        prefix = max;
        return slash < 0 || (int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix) && prefix <= max);
    }

    private static bool Fail(string message, out string error)
    {
        error = message;
        return false;
    }
}
