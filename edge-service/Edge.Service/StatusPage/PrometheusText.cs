using System.Globalization;
using System.Text;

namespace Edge.Service.StatusPage;

/// <summary>Writes the Prometheus text exposition format 0.0.4: each family's HELP and TYPE once, then
/// its samples together; label values escaped as the format says (backslash, quote, newline).</summary>
internal sealed class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly StringBuilder _text = new(4096);

    public PrometheusText Family(string name, string type, string help)
    {
        _text.Append("# HELP ").Append(name).Append(' ').Append(help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)).Append('\n');
        _text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        return this;
    }

    public PrometheusText Sample(string name, long value, params ReadOnlySpan<(string Name, string Value)> labels) =>
        Sample(name, value.ToString(CultureInfo.InvariantCulture), labels);

    public PrometheusText Sample(string name, double value, params ReadOnlySpan<(string Name, string Value)> labels) =>
        Sample(name, Number(value), labels);

    public PrometheusText Counter(string name, string help, long value) => Family(name, "counter", help).Sample(name, value);

    public PrometheusText Gauge(string name, string help, long value) => Family(name, "gauge", help).Sample(name, value);

    public PrometheusText Gauge(string name, string help, double value) => Family(name, "gauge", help).Sample(name, value);

    public override string ToString() => _text.ToString();

    private PrometheusText Sample(string name, string value, ReadOnlySpan<(string Name, string Value)> labels)
    {
        _text.Append(name);
        if (labels.Length > 0)
        {
            _text.Append('{');
            for (var i = 0; i < labels.Length; i++)
            {
                if (i > 0)
                    _text.Append(',');
                _text.Append(labels[i].Name).Append("=\"");
                AppendEscaped(labels[i].Value);
                _text.Append('"');
            }
            _text.Append('}');
        }
        _text.Append(' ').Append(value).Append('\n');
        return this;
    }

    private void AppendEscaped(string value)
    {
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => _text.Append("\\\\"),
                '"' => _text.Append("\\\""),
                '\n' => _text.Append("\\n"),
                _ => _text.Append(c),
            };
        }
    }

    private static string Number(double value) => value switch
    {
        double.NaN => "NaN",
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };
}
