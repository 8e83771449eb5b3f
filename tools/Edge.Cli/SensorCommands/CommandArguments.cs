using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Edge.Uplink.Commands;

namespace Edge.Cli.SensorCommands;

/// <summary>Turns <c>edgectl cmd</c>'s words into a command's <c>args</c> object: positional words
/// for the commands this edgectl knows (<c>ack ALERT-ID</c>, <c>config-set KEY VALUE</c> …) and
/// <c>--arg k=v</c> for any (a number or true/false becomes one, the rest is a string; <c>k:=JSON</c>
/// gives the JSON value as it is). The sensor checks the arguments again; this only catches typos
/// before anything is signed.</summary>
public static class CommandArguments
{
    /// <summary>The positional words of each known command: name, and whether it is required.</summary>
    private static readonly Dictionary<string, (string Name, bool Required)[]> Positional = new(StringComparer.Ordinal)
    {
        [CommandNames.Ping] = [],
        [CommandNames.Ack] = [("alert_id", true)],
        [CommandNames.LedTest] = [],
        [CommandNames.ConfigGet] = [("section", false)],
        [CommandNames.ConfigSet] = [("key", true), ("value", true)],
        [CommandNames.EvidenceGet] = [("alert_id", true), ("offset", false), ("length", false)],
    };

    /// <summary>How a command is written on the command line, for help and errors.</summary>
    public static string Usage(string name) =>
        name == CommandNames.IntelUpdate ? "intel-update FILE [CATEGORY] [--arg list=NAME]"
        : Positional.TryGetValue(name, out var words)
            ? string.Join(' ', [name, .. words.Select(w => w.Required ? w.Name.ToUpperInvariant() : $"[{w.Name.ToUpperInvariant()}]")])
            : $"{name} --arg k=v…";

    public static IEnumerable<string> Known => [.. Positional.Keys, CommandNames.IntelUpdate];

    /// <summary>The args object, or null with the reason.</summary>
    public static JsonObject? Build(string name, IReadOnlyList<string> words, IReadOnlyList<string> pairs, out string error)
    {
        var args = new JsonObject();
        if (words.Count > 0)
        {
            if (!Positional.TryGetValue(name, out var expected))
                return Fail(out error, $"edgectl knows no positional arguments for '{name}': give them as --arg k=v");
            if (words.Count > expected.Length)
                return Fail(out error, $"too many arguments: {Usage(name)}");
            for (var i = 0; i < words.Count; i++)
                args[expected[i].Name] = Value(words[i]);
        }
        if (Positional.TryGetValue(name, out var all))
        {
            foreach (var (argument, required) in all)
            {
                if (required && !args.ContainsKey(argument) && !pairs.Any(p => Key(p) == argument))
                    return Fail(out error, $"'{argument}' is missing: {Usage(name)}");
            }
        }
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
                return Fail(out error, $"--arg '{pair}' is not k=v or k:=JSON");
            var raw = eq > 1 && pair[eq - 1] == ':';
            var key = Key(pair);
            var text = pair[(eq + 1)..];
            if (args.ContainsKey(key))
                return Fail(out error, $"argument '{key}' is given twice");
            if (!raw)
            {
                args[key] = Value(text);
                continue;
            }
            try
            {
                args[key] = JsonNode.Parse(text);
            }
            catch (JsonException e)
            {
                return Fail(out error, $"--arg {key}:= is not JSON ({e.Message})");
            }
        }
        if (name == CommandNames.Ack)
        {
            if (args["alert_id"] is not JsonValue id || !id.TryGetValue<string>(out var alertId) || !AlertIds.IsAlertId(alertId))
                return Fail(out error, $"'{args["alert_id"]?.ToJsonString().Trim('"')}' is not an alert id (a ULID: 26 letters and digits)");
            args["alert_id"] = AlertIds.Normalise(alertId);
        }
        error = "";
        return args;
    }

    private static string Key(string pair)
    {
        var eq = pair.IndexOf('=', StringComparison.Ordinal);
        var key = eq < 0 ? pair : pair[..eq];
        return key.EndsWith(':') ? key[..^1] : key;
    }

    /// <summary>true/false and whole numbers become JSON ones; anything else stays text.</summary>
    private static JsonValue Value(string text)
    {
        if (text is "true" or "false")
            return JsonValue.Create(text == "true");
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            return JsonValue.Create(number);
        return JsonValue.Create(text);
    }

    private static JsonObject? Fail(out string error, string message)
    {
        error = message;
        return null;
    }
}
