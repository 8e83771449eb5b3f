using System.Globalization;
using System.Text.RegularExpressions;

namespace Edge.Service.Tests.StatusPage;

/// <summary>A strict reader of the Prometheus text format 0.0.4, stricter than Prometheus itself: it
/// refuses empty lines, comments other than HELP and TYPE, a family without both, a sample before its
/// TYPE, a family split in two, an escape the format does not define and a value Go would not parse.</summary>
public static partial class ExpositionParser
{
    public sealed record Family(string Name, string Type, string Help, List<Sample> Samples);

    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    public static Dictionary<string, Family> Parse(string text)
    {
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var families = new Dictionary<string, Family>(StringComparer.Ordinal);
        Family? current = null;
        string? pendingHelp = null;
        var lines = text[..^1].Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var where = $"line {i + 1}: '{line}'";
            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                var match = Help().Match(line);
                Assert.True(match.Success, where);
                Assert.Null(pendingHelp);
                Assert.False(families.ContainsKey(match.Groups["name"].Value), $"{where}: family repeated");
                pendingHelp = match.Groups["name"].Value + " " + Unescape(match.Groups["help"].Value, labelValue: false, where);
            }
            else if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var match = Type().Match(line);
                Assert.True(match.Success, where);
                var name = match.Groups["name"].Value;
                Assert.True(pendingHelp is not null && pendingHelp.StartsWith(name + " ", StringComparison.Ordinal), $"{where}: TYPE without its HELP just before");
                current = new Family(name, match.Groups["type"].Value, pendingHelp[(name.Length + 1)..], []);
                families.Add(name, current);
                pendingHelp = null;
            }
            else
            {
                var match = SampleLine().Match(line);
                Assert.True(match.Success, $"{where}: not a sample");
                Assert.Null(pendingHelp);
                var name = match.Groups["name"].Value;
                Assert.True(current is not null && current.Name == name, $"{where}: sample outside its family");
                var labels = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (System.Text.RegularExpressions.Capture label in match.Groups["label"].Captures)
                {
                    var pair = LabelPair().Match(label.Value);
                    Assert.True(labels.TryAdd(pair.Groups["name"].Value, Unescape(pair.Groups["value"].Value, labelValue: true, where)), $"{where}: label repeated");
                }
                current.Samples.Add(new Sample(name, labels, ParseValue(match.Groups["value"].Value, where)));
            }
        }
        Assert.Null(pendingHelp);
        Assert.All(families.Values, f => Assert.NotEmpty(f.Samples));
        return families;
    }

    private static double ParseValue(string value, string where) => value switch
    {
        "NaN" => double.NaN,
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ when FloatText().IsMatch(value) => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture),
        _ => throw new Xunit.Sdk.XunitException($"{where}: '{value}' is not a Go float"),
    };

    private static string Unescape(string escaped, bool labelValue, string where)
    {
        var result = new System.Text.StringBuilder();
        for (var i = 0; i < escaped.Length; i++)
        {
            var c = escaped[i];
            Assert.NotEqual('\n', c);
            if (c != '\\')
            {
                result.Append(c);
                continue;
            }
            Assert.True(i + 1 < escaped.Length, $"{where}: lone backslash");
            result.Append(escaped[++i] switch
            {
                '\\' => '\\',
                'n' => '\n',
                '"' when labelValue => '"',
                var other => throw new Xunit.Sdk.XunitException($"{where}: undefined escape \\{other}"),
            });
        }
        return result.ToString();
    }

    [GeneratedRegex(@"^# HELP (?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) (?<help>[^\n]*)$")]
    private static partial Regex Help();

    [GeneratedRegex(@"^# TYPE (?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) (?<type>counter|gauge|histogram|summary|untyped)$")]
    private static partial Regex Type();

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{((?<label>[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*")(,(?<label>[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*"))*)?\})? (?<value>\S+)( -?[0-9]+)?$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex("""^(?<name>[a-zA-Z_][a-zA-Z0-9_]*)="(?<value>(?:[^"\\\n]|\\.)*)"$""")]
    private static partial Regex LabelPair();

    [GeneratedRegex(@"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$")]
    private static partial Regex FloatText();
}
