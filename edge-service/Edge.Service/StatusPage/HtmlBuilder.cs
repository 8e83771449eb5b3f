using System.Text;
using System.Text.Encodings.Web;

namespace Edge.Service.StatusPage;

/// <summary>Builds the page: markup goes in as written, every value is HTML-encoded (an indicator or a
/// rule name comes from the network and may hold markup).</summary>
internal sealed class HtmlBuilder
{
    private readonly StringBuilder _html = new(16 * 1024);

    public HtmlBuilder Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    public HtmlBuilder Text(string? value)
    {
        _html.Append(HtmlEncoder.Default.Encode(value ?? ""));
        return this;
    }

    /// <summary>A value the script refreshes: <paramref name="path"/> is its place in
    /// <c>/api/status</c>, <paramref name="format"/> one of <see cref="StatusFormat"/>'s names.</summary>
    public HtmlBuilder Field(string path, string format, string shown) =>
        Raw("<span data-field=\"").Text(path).Raw("\" data-format=\"").Text(format).Raw("\">").Text(shown).Raw("</span>");

    public HtmlBuilder Row(string label, string path, string format, string shown) =>
        Raw("<dt>").Text(label).Raw("</dt><dd>").Field(path, format, shown).Raw("</dd>\n");

    public override string ToString() => _html.ToString();
}
