using System.Net;
using System.Text;
using Edge.Watch.Net;

namespace Edge.Detect.Intel;

/// <summary>Feeds one file's parsed lines into a builder and a report, resolving each line's
/// category (column, else the file's), RPZ action and scope to a shared <see cref="IntelList"/>.
/// RPZ local data (several A/AAAA records of one owner form one answer) is collected per file and
/// added when the file ends (<see cref="FinishFile"/>), one list per distinct address set. The
/// first rejection of a line is kept in <see cref="Rejection"/> for the loader to report.</summary>
internal sealed class IntelFileSink(IntelSnapshotBuilder builder, IntelLoadReport? report,
    Dictionary<IntelListKey, IntelList> lists) : IIntelLineSink
{
    private readonly Dictionary<(string Name, IntelScope Scope), List<IpAddr>> _localData = [];
    private string _source = "";
    private string? _category;
    private IntelList? _last;

    public IntelLineError Rejection { get; private set; }

    public void StartFile(string source, string? category)
    {
        _source = source;
        _category = category;
        _last = null;
        _localData.Clear();
    }

    public void StartLine() => Rejection = IntelLineError.None;

    public void Domain(ReadOnlySpan<byte> name, ReadOnlySpan<byte> category)
    {
        var list = ListFor(category, IntelAction.Block, IntelScope.Suffix);
        if (list is not null)
            AddDomain(name, list);
    }

    public void RpzName(ReadOnlySpan<byte> name, IntelScope scope, IntelAction action)
    {
        var list = ListFor([], action, scope);
        if (list is not null)
            AddDomain(name, list);
    }

    public void RpzLocalData(ReadOnlySpan<byte> name, IntelScope scope, IpAddr address)
    {
        var key = (Encoding.ASCII.GetString(name).ToLowerInvariant(), scope);
        if (!_localData.TryGetValue(key, out var addresses))
            _localData.Add(key, addresses = []);
        if (!addresses.Contains(address))
            addresses.Add(address);
    }

    public void Cidr(IpAddr network, int prefixLength, ReadOnlySpan<byte> category)
    {
        var list = ListFor(category, IntelAction.Block, IntelScope.Suffix);
        if (list is null)
            return;
        if (builder.AddCidr(network, prefixLength, list, out var error))
            report?.Accepted(list, domain: false);
        else
            Rejected(error);
    }

    public void Rejected(IntelLineError reason)
    {
        // A hosts line with several bad names is one bad line.
        if (Rejection == IntelLineError.None)
            Rejection = reason;
    }

    /// <summary>Adds the file's local data, owner by owner, in the order the owners came; an owner
    /// refused now (no category, too many lists) is reported against <paramref name="path"/>, line 0.</summary>
    public void FinishFile(string path, int maxSamples)
    {
        foreach (var ((name, scope), addresses) in _localData)
        {
            var data = new IPAddress[addresses.Count];
            for (var i = 0; i < data.Length; i++)
                data[i] = IPAddress.Parse(addresses[i].ToString());
            StartLine();
            var list = ListFor([], IntelAction.LocalData, scope, data);
            if (list is not null)
                AddDomain(Encoding.ASCII.GetBytes(name), list);
            if (Rejection != IntelLineError.None)
                report?.Rejected(new IntelLineIssue(path, 0, Rejection, name), maxSamples);
        }
        _localData.Clear();
    }

    private void AddDomain(ReadOnlySpan<byte> name, IntelList list)
    {
        if (builder.AddDomain(name, list, out var error))
            report?.Accepted(list, domain: true);
        else
            Rejected(error);
    }

    private IntelList? ListFor(ReadOnlySpan<byte> column, IntelAction action, IntelScope scope, IPAddress[]? localData = null)
    {
        if (_last is not null && localData is null && _last.Action == action && _last.Scope == scope
            && (column.IsEmpty ? _last.Category == _category : Ascii.EqualsIgnoreCase(column, _last.Category)))
            return _last;
        var category = column.IsEmpty ? _category : IntelCategories.Normalize(column);
        if (category is null)
        {
            Rejected(IntelLineError.NoCategory);
            return null;
        }
        var key = new IntelListKey(_source, category, action, scope, localData is null ? "" : string.Join(',', (object[])localData));
        if (!lists.TryGetValue(key, out var list))
        {
            list = new IntelList(_source, category, action, scope, localData);
            lists.Add(key, list);
        }
        return localData is null ? _last = list : list;
    }
}
