using Edge.Watch.Net;

namespace Edge.Detect.Intel;

/// <summary>Feeds one file's parsed lines into a builder and a report, resolving each line's
/// category (column, else the file's) to a shared <see cref="IntelList"/>. The first rejection
/// of a line is kept in <see cref="Rejection"/> for the loader to report with the line's text.</summary>
internal sealed class IntelFileSink(IntelSnapshotBuilder builder, IntelLoadReport? report,
    Dictionary<(string, string), IntelList> lists) : IIntelLineSink
{
    private string _source = "";
    private string? _category;
    private IntelList? _last;

    public IntelLineError Rejection { get; private set; }

    public void StartFile(string source, string? category)
    {
        _source = source;
        _category = category;
        _last = null;
    }

    public void StartLine() => Rejection = IntelLineError.None;

    public void Domain(ReadOnlySpan<byte> name, ReadOnlySpan<byte> category)
    {
        var list = ListFor(category);
        if (list is null)
            return;
        if (builder.AddDomain(name, list, out var error))
            report?.Accepted(list, domain: true);
        else
            Rejected(error);
    }

    public void Cidr(IpAddr network, int prefixLength, ReadOnlySpan<byte> category)
    {
        var list = ListFor(category);
        if (list is null)
            return;
        if (builder.AddCidr(network, prefixLength, list))
            report?.Accepted(list, domain: false);
        else
            Rejected(IntelLineError.BadPrefixLength);
    }

    public void Rejected(IntelLineError reason)
    {
        // A hosts line with several bad names is one bad line.
        if (Rejection == IntelLineError.None)
            Rejection = reason;
    }

    private IntelList? ListFor(ReadOnlySpan<byte> column)
    {
        if (_last is not null && (column.IsEmpty ? _last.Category == _category : System.Text.Ascii.EqualsIgnoreCase(column, _last.Category)))
            return _last;
        var category = column.IsEmpty ? _category : IntelCategories.Normalize(column);
        if (category is null)
        {
            Rejected(IntelLineError.NoCategory);
            return null;
        }
        if (!lists.TryGetValue((_source, category), out var list))
        {
            list = new IntelList(_source, category);
            lists.Add((_source, category), list);
        }
        return _last = list;
    }
}
